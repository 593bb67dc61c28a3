package org.gogoscope.interceptors.idempotent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gogoscope.api.annotation.IdempotencyInProgressException;
import org.gogoscope.api.annotation.IdempotencyMismatchException;
import org.gogoscope.interceptors.idempotent.IdempotentBeans.Payments;
import org.gogoscope.interceptors.idempotent.IdempotentBeans.Receipt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.gogoscope.interceptors.Nodes;

/** {@code @Idempotent} on two nodes sharing one backend. */
class IdempotentTest {

    @RegisterExtension
    final Nodes nodes = nodes();

    /** The nodes' backend: memory here, Redis in the subclass. */
    Nodes nodes() {
        return new Nodes();
    }

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private Payments a;
    private Payments b;

    @BeforeEach
    void startTwoNodes() {
        Payments.RUNS.set(0);
        a = nodes.start(Payments.class).select(Payments.class).get();
        b = nodes.start(Payments.class).select(Payments.class).get();
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void aRepeatOnAnyNodeReplaysTheStoredResultWithoutRunning() {
        Receipt first = a.pay("r1", new BigDecimal("12.50"));
        assertThat(first.run()).isEqualTo(1);
        assertThat(a.pay("r1", new BigDecimal("12.50"))).isEqualTo(first);
        assertThat(b.pay("r1", new BigDecimal("12.50"))).isEqualTo(first);
        assertThat(Payments.RUNS.get()).isEqualTo(1);
        assertThat(b.pay("r2", new BigDecimal("12.50")).run()).isEqualTo(2);
    }

    @Test
    void theSameKeyWithDifferentArgumentsIsAMismatch() {
        a.pay("r1", new BigDecimal("12.50"));
        assertThatThrownBy(() -> b.pay("r1", new BigDecimal("99.00")))
                .isInstanceOf(IdempotencyMismatchException.class).hasMessageContaining("pay-r1");
        assertThat(Payments.RUNS.get()).isEqualTo(1);
    }

    @Test
    void aRepeatWhileTheFirstCallRunsIsInProgress() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Receipt> first = pool.submit(() -> a.slow("s1", entered, release));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> b.slow("s1", entered, release))
                .isInstanceOf(IdempotencyInProgressException.class).hasMessageContaining("slow-s1")
                .satisfies(e -> assertThat(((IdempotencyInProgressException) e).leaseExpiresAt()).isNotNull());
        release.countDown();
        Receipt result = first.get(5, TimeUnit.SECONDS);
        assertThat(b.slow("s1", entered, release)).isEqualTo(result);
        assertThat(Payments.RUNS.get()).isEqualTo(1);
    }

    @Test
    void aWaitingRepeatGetsTheFirstCallsResult() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the latches are not data, so both methods fingerprint only the request id
        Future<Receipt> holder = pool.submit(() -> a.slow("s3", entered, release));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        Future<Receipt> waiter = pool.submit(() -> b.slowWaiting("s3"));
        Thread.sleep(150);
        assertThat(waiter).isNotDone();
        release.countDown();
        Receipt stored = holder.get(5, TimeUnit.SECONDS);
        assertThat(waiter.get(5, TimeUnit.SECONDS)).isEqualTo(stored);
        assertThat(Payments.RUNS.get()).isEqualTo(1);
    }

    @Test
    void aFailureIsNotCachedAndTheNextCallRunsAgain() {
        assertThatThrownBy(() -> a.flaky("f1", true)).isInstanceOf(IllegalStateException.class);
        Receipt second = b.flaky("f1", false);
        assertThat(Payments.RUNS.get()).isEqualTo(2);
        assertThat(a.flaky("f1", false)).isEqualTo(second);
        assertThat(Payments.RUNS.get()).isEqualTo(2);
    }

    @Test
    void voidNullGenericAndAsyncResultsAreReplayed() throws Exception {
        a.notify("v");
        b.notify("v");
        assertThat(a.nothing("n")).isNull();
        assertThat(b.nothing("n")).isNull();
        List<Receipt> list = a.list("l");
        assertThat(b.list("l")).isEqualTo(list).first().isInstanceOf(Receipt.class);
        assertThat(Payments.RUNS.get()).isEqualTo(3);

        CompletableFuture<BigDecimal> amount = new CompletableFuture<>();
        CompletableFuture<Receipt> pending = a.async("c", amount).toCompletableFuture();
        assertThatThrownBy(() -> b.async("c", amount)).isInstanceOf(IdempotencyInProgressException.class);
        amount.complete(BigDecimal.TEN);
        Receipt stored = pending.get(5, TimeUnit.SECONDS);
        assertThat(b.async("c", amount).toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo(stored);
        assertThat(Payments.RUNS.get()).isEqualTo(4);
    }
}
