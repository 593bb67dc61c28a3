package org.gogoscope.interceptors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.File;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.gogoscope.api.LockHandle;
import org.gogoscope.api.LockProvider;
import org.gogoscope.api.MessageCode;
import org.gogoscope.api.annotation.LockNotAcquiredException;
import org.gogoscope.api.annotation.Locked;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The positional form needs no compiler flag: a bean compiled here by javac WITHOUT {@code -parameters} (this
 * project compiles its own classes with it) resolves {@code {0}} and {@code {0.id}}, while {@code {orderId}}
 * fails the deployment with a message that names the flag and suggests {@code {0}}.
 */
class KeyTemplateWithoutParameterNamesTest {

    private static final String POSITIONAL = """
            package compiled;
            @jakarta.enterprise.context.ApplicationScoped
            public class PositionalOrders {
                public record Order(String id) {}
                @org.gogoscope.api.annotation.Locked(key = "order-{0}")
                public String ship(String orderId) { return "shipped " + orderId; }
                @org.gogoscope.api.annotation.Locked(key = "order-{0.id}")
                public String shipOrder(Order order) { return "shipped " + order.id(); }
            }
            """;

    private static final String NAMED = """
            package compiled;
            @jakarta.enterprise.context.ApplicationScoped
            public class NamedOrders {
                @org.gogoscope.api.annotation.Locked(key = "order-{orderId}")
                public String ship(String orderId) { return "shipped " + orderId; }
            }
            """;

    @TempDir
    static Path classes;

    private static URLClassLoader loader;

    @RegisterExtension
    final Nodes nodes = new Nodes();

    @BeforeAll
    static void compileWithoutParameterNames() throws Exception {
        Path sources = Files.createDirectories(classes.resolve("src/compiled"));
        Files.writeString(sources.resolve("PositionalOrders.java"), POSITIONAL);
        Files.writeString(sources.resolve("NamedOrders.java"), NAMED);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        List<String> options = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d", classes.toString(),
                "-classpath", jarOf(Locked.class) + File.pathSeparator + jarOf(ApplicationScoped.class)));
        // deliberately no "-parameters"
        options.add(sources.resolve("PositionalOrders.java").toString());
        options.add(sources.resolve("NamedOrders.java").toString());
        int status = javac.run(null, diagnostics, diagnostics, options.toArray(String[]::new));
        assertThat(status).as("javac: %s", diagnostics).isZero();
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                KeyTemplateWithoutParameterNamesTest.class.getClassLoader());
    }

    private static String jarOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static Method method(Class<?> type, String name) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new AssertionError(name);
    }

    private static KeyTemplate templateOf(Method method) {
        return KeyTemplate.parse("Locked", method, method.getAnnotation(Locked.class).key());
    }

    @Test
    void theCompiledClassReallyHasNoParameterNames() throws Exception {
        Method ship = method(loader.loadClass("compiled.PositionalOrders"), "ship");
        assertThat(ship.getParameters()[0].isNamePresent()).isFalse();
        assertThat(ship.getParameters()[0].getName()).isEqualTo("arg0");
    }

    @Test
    void positionalReferencesResolveWithoutParameterNames() throws Exception {
        Class<?> orders = loader.loadClass("compiled.PositionalOrders");
        assertThat(templateOf(method(orders, "ship")).resolve(new Object[] {"42"})).isEqualTo("order-42");
        Object order = loader.loadClass("compiled.PositionalOrders$Order").getConstructor(String.class).newInstance("17");
        assertThat(templateOf(method(orders, "shipOrder")).resolve(new Object[] {order})).isEqualTo("order-17");
    }

    @Test
    void aNameWithoutParameterNamesNamesTheFlagAndSuggestsThePosition() throws Exception {
        Method ship = method(loader.loadClass("compiled.NamedOrders"), "ship");
        assertThatThrownBy(() -> templateOf(ship))
                .isInstanceOfSatisfying(InvalidAnnotationException.class,
                        e -> assertThat(e.code()).isEqualTo(MessageCode.INVALID_KEY_TEMPLATE))
                .hasMessage("GOGO-0202: Invalid @Locked.key on compiled.NamedOrders.ship(String): unknown parameter"
                        + " 'orderId' in \"order-{orderId}\"; parameters are [arg0] (the class was compiled without"
                        + " parameter names: compile with -parameters, in Maven"
                        + " <maven.compiler.parameters>true</maven.compiler.parameters>, or write {0} for the first"
                        + " parameter, {1} for the second, ...)");
    }

    /** The same through a CDI deployment: the bean deploys, and its lock is the one {@code {0}} names. */
    @Test
    void aBeanWithPositionalKeysDeploysAndLocksTheKeyItNames() throws Exception {
        Class<?> orders = loader.loadClass("compiled.PositionalOrders");
        WeldContainer node = withContextLoader(() -> nodes.start(orders));
        Object bean = node.select(orders).get();
        Method ship = method(orders, "ship");
        assertThat(ship.invoke(bean, "42")).isEqualTo("shipped 42");

        LockProvider locks = node.select(LockProvider.class).get();
        try (LockHandle held = locks.acquire("order-42", Duration.ofSeconds(30), "someone-else").orElseThrow()) {
            assertThatThrownBy(() -> ship.invoke(bean, "42")).isInstanceOf(InvocationTargetException.class)
                    .cause().isInstanceOf(LockNotAcquiredException.class).hasMessageContaining("order-42");
            assertThat(ship.invoke(bean, "43")).isEqualTo("shipped 43");
        }
    }

    @Test
    void aBeanWithANamedKeyFailsTheDeploymentSuggestingThePosition() throws Exception {
        Class<?> orders = loader.loadClass("compiled.NamedOrders");
        Throwable failure = withContextLoader(() -> Nodes.deploymentFailure(orders));
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        assertThat(messages).as("messages of %s", failure).anySatisfy(m -> assertThat(m)
                .contains("GOGO-0202: Invalid @Locked.key on compiled.NamedOrders.ship(String): unknown parameter"
                        + " 'orderId'")
                .contains("compile with -parameters")
                .contains("or write {0} for the first parameter"));
    }

    private interface Call<T> {
        T run() throws Exception;
    }

    /** Weld SE loads bean classes by name through the thread's context class loader. */
    private static <T> T withContextLoader(Call<T> call) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return call.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
