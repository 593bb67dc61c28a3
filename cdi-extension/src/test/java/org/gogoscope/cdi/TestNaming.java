package org.gogoscope.cdi;

import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.OperationNotSupportedException;
import javax.naming.spi.InitialContextFactory;

/**
 * A minimal in-memory JNDI provider, so a test can bind a real DataSource under a {@code java:app/...} name
 * after the deployment, as Payara does with a WAR's application-scoped resources. Select it with
 * {@link #install()} ({@code java.naming.factory.initial}); {@link #uninstall()} removes it and every binding.
 * Lookups of unbound names throw {@link NameNotFoundException}, as a container's naming service does.
 */
public final class TestNaming implements InitialContextFactory {

    private static final Map<String, Object> BOUND = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> FOUND = new ConcurrentHashMap<>();

    static void install() {
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, TestNaming.class.getName());
    }

    static void uninstall() {
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
        BOUND.clear();
        FOUND.clear();
    }

    static void bind(String name, Object value) {
        BOUND.put(name, value);
    }

    /** How many lookups of {@code name} found it. */
    static int found(String name) {
        AtomicInteger count = FOUND.get(name);
        return count == null ? 0 : count.get();
    }

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) {
        Hashtable<Object, Object> env = new Hashtable<>(environment);
        return (Context) Proxy.newProxyInstance(TestNaming.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "lookup" -> {
                        String name = String.valueOf(args[0]);
                        Object value = BOUND.get(name);
                        if (value == null) {
                            throw new NameNotFoundException(name + " not found");
                        }
                        FOUND.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
                        yield value;
                    }
                    case "close" -> null;
                    case "getEnvironment" -> env;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "TestNaming context";
                    default -> throw new OperationNotSupportedException(method.getName());
                });
    }
}
