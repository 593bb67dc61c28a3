package org.gogoscope.interceptors.breaker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.spi.AbstractInterruptibleChannel;
import org.gogoscope.api.MessageCode;

/**
 * Tells, at the moment it happens, that the current thread was interrupted while a section of code ran, even when
 * the code inside swallows the interrupt (catches {@code InterruptedException} and clears the flag, as the
 * MicroProfile Fault Tolerance TCK's timed-out methods do).
 *
 * <p>Why: inside the host's Fault Tolerance interceptor, the shared breaker cannot see the host's
 * {@code @Timeout}; the host reports a timeout by interrupting the thread that runs the method, and that interrupt is
 * the only signal. Measuring elapsed time instead is wrong both ways (the host's timer starts before this
 * interceptor, by an amount a loaded machine makes large).
 *
 * <p>How: the JDK lets a thread register one "interruptible" target that {@link Thread#interrupt()} notifies
 * synchronously, in the interrupting thread, before it returns. The only public way to register one is
 * {@link AbstractInterruptibleChannel#begin()}: this class is a channel that does no I/O and whose "close on
 * interrupt" runs the callback. {@link Thread#interrupt()} notifies the target before the host's timeout goes on
 * (SmallRye interrupts, then completes the attempt), so whatever the callback does happens before a Retry can start
 * the next attempt.
 *
 * <p>Semantics:
 * <ul>
 *   <li>{@link #install} on the thread that will run the section; {@link #remove} on the same thread after it,
 *       always (a {@code finally}). Watches nest: removing one re-arms the one installed before it on this thread.
 *   <li>The callback runs at most once, in the interrupting thread, while {@code Thread.interrupt()} holds a
 *       lock of the interrupted thread: it must be short and must not block.
 *   <li>A thread already interrupted at {@code install} is not reported (that interrupt is not the host's timeout).
 *   <li>Limitation: if the section itself does I/O on an interruptible channel (for example a {@code FileChannel}),
 *       that channel's own registration replaces this one and clears it when done; an interrupt after that is seen
 *       only if the section leaves the interrupt flag set ({@link #remove} reports the flag too).
 * </ul>
 */
final class InterruptWatch extends AbstractInterruptibleChannel {

    private static final System.Logger LOG = System.getLogger(InterruptWatch.class.getName());
    private static final ThreadLocal<InterruptWatch> CURRENT = new ThreadLocal<>();

    private final Runnable onInterrupt;
    private final InterruptWatch previous;
    private final boolean armed;
    private volatile boolean interrupted;

    private InterruptWatch(Runnable onInterrupt, InterruptWatch previous, boolean armed) {
        this.onInterrupt = onInterrupt;
        this.previous = previous;
        this.armed = armed;
    }

    /** Starts watching the current thread; {@code onInterrupt} runs once if it is interrupted before {@link #remove}. */
    static InterruptWatch install(Runnable onInterrupt) {
        boolean armed = !Thread.currentThread().isInterrupted();
        InterruptWatch watch = new InterruptWatch(onInterrupt, CURRENT.get(), armed);
        if (armed) {
            watch.begin();
        }
        CURRENT.set(watch);
        return watch;
    }

    /**
     * Stops watching; to be called on the installing thread.
     *
     * @return whether the thread was interrupted since {@link #install} (also when the interrupt flag is still set)
     */
    boolean remove() {
        if (armed) {
            try {
                end(true);
            } catch (AsynchronousCloseException e) { // with completed = true, only ClosedByInterruptException
                interrupted = true;
            }
        }
        boolean result = interrupted || (armed && Thread.currentThread().isInterrupted());
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
            previous.resume(result);
        }
        return result;
    }

    /** Watches again after an inner watch was removed; an interrupt the inner one saw happened in here too. */
    private void resume(boolean interruptedMeanwhile) {
        if (!armed) {
            return;
        }
        if (interruptedMeanwhile) {
            try {
                close(); // runs implCloseChannel once, like an interrupt
            } catch (IOException impossible) {
                throw new UncheckedIOException(impossible);
            }
        }
        begin();
    }

    /**
     * Called by {@link Thread#interrupt()} (through the channel's interruptor), at most once. A failure of the
     * callback must not reach the interrupting thread (the host's timer): it is logged.
     */
    @Override
    protected void implCloseChannel() {
        interrupted = true;
        try {
            onInterrupt.run();
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.WARNING, MessageCode.INTERRUPT_REACTION_FAILED.format(
                    "Reacting to an interrupt failed"), e);
        }
    }
}
