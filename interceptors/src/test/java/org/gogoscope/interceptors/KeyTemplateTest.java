package org.gogoscope.interceptors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import org.gogoscope.api.MessageCode;
import org.junit.jupiter.api.Test;

/**
 * Key templates by parameter name ({@code {orderId}}, needs {@code -parameters}, which this project compiles
 * with) and by position ({@code {0}}, needs nothing). {@link KeyTemplateWithoutParameterNamesTest} compiles a
 * class without {@code -parameters}.
 */
class KeyTemplateTest {

    public record Customer(String id) {
    }

    public record Order(String id, Customer customer) {
    }

    public static class Calls {
        public void ship(String orderId, Order order) {
        }

        public void tick() {
        }

        public void one(String orderId) {
        }
    }

    private static final String CALLS = "org.gogoscope.interceptors.KeyTemplateTest$Calls";
    private static final Order ORDER = new Order("o-17", new Customer("c-7"));

    private static Method method(String name) {
        for (Method m : Calls.class.getMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new AssertionError(name);
    }

    private static String resolve(String template, Object... arguments) {
        return KeyTemplate.parse("Locked", method("ship"), template).resolve(arguments);
    }

    @Test
    void aPositionalReferenceResolvesToThatArgument() {
        assertThat(resolve("order-{0}", "42", ORDER)).isEqualTo("order-42");
        assertThat(resolve("{1}", "42", ORDER)).isEqualTo(ORDER.toString());
    }

    @Test
    void aPositionalReferenceTakesAccessorsLikeAName() {
        assertThat(resolve("order-{1.id}", "42", ORDER)).isEqualTo("order-o-17");
        assertThat(resolve("{1.customer.id}/{1.id}", "42", ORDER)).isEqualTo("c-7/o-17");
    }

    @Test
    void namesStillWorkWhenTheClassHasThem() {
        assertThat(resolve("{order.customer.id}/{orderId}", "42", ORDER)).isEqualTo("c-7/42");
    }

    @Test
    void namesAndPositionsMixInOneTemplate() {
        assertThat(resolve("{orderId}/{1.customer.id}/{{x}}/{0}-{order.id}", "42", ORDER))
                .isEqualTo("42/c-7/{x}/42-o-17");
    }

    @Test
    void anIndexOutOfRangeNamesTheMethodsParameterCount() {
        assertThatThrownBy(() -> resolve("order-{2}", "42", ORDER))
                .isInstanceOfSatisfying(InvalidAnnotationException.class,
                        e -> assertThat(e.code()).isEqualTo(MessageCode.INVALID_KEY_TEMPLATE))
                .hasMessage("GOGO-0202: Invalid @Locked.key on " + CALLS + ".ship(String, Order): parameter index 2"
                        + " in \"order-{2}\" is out of range: the method has 2 parameters ({0} to {1})");
        assertThatThrownBy(() -> KeyTemplate.parse("Idempotent", method("one"), "{1.id}"))
                .hasMessage("GOGO-0202: Invalid @Idempotent.key on " + CALLS + ".one(String): parameter index 1"
                        + " in \"{1.id}\" is out of range: the method has 1 parameter ({0})");
        assertThatThrownBy(() -> KeyTemplate.parse("Locked", method("tick"), "tick-{0}"))
                .hasMessageEndingWith("parameter index 0 in \"tick-{0}\" is out of range: the method has no parameters");
        assertThatThrownBy(() -> resolve("{99999999999}", "42", ORDER))
                .hasMessageEndingWith("the method has 2 parameters ({0} to {1})");
    }

    @Test
    void accessorsAfterAnIndexAreCheckedAgainstThatParametersType() {
        assertThatThrownBy(() -> resolve("{1.name}", "42", ORDER))
                .hasMessageEndingWith("no public accessor 'name()', 'getName()' or 'isName()' on "
                        + "org.gogoscope.interceptors.KeyTemplateTest$Order for {1.name} in \"{1.name}\"");
    }

    @Test
    void aNullOnAPositionalPathFailsTheCallNamingTheExpression() {
        assertThatThrownBy(() -> resolve("{1.customer.id}", "42", new Order("o-1", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key template \"{1.customer.id}\": {1.customer.id} is null");
    }

    @Test
    void anUnknownNameWithNamesPresentListsThemWithoutTheCompilerHint() {
        assertThatThrownBy(() -> resolve("{orderID}", "42", ORDER))
                .hasMessageEndingWith("unknown parameter 'orderID' in \"{orderID}\"; parameters are [orderId, order]");
    }
}
