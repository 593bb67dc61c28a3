package org.gogoscope.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StoreTest {

    @Store("orders")
    private Object orders;

    @Test
    void aLiteralEqualsTheAnnotationWithTheSameName() throws Exception {
        Store declared = StoreTest.class.getDeclaredField("orders").getAnnotation(Store.class);
        Store literal = Store.Literal.of("orders");
        assertThat(literal.value()).isEqualTo("orders");
        assertThat(literal).isEqualTo(declared).hasSameHashCodeAs(declared);
        assertThat(declared).isEqualTo(literal);
        assertThat(literal.annotationType()).isEqualTo(Store.class);
        assertThat(Store.Literal.of("spare")).isNotEqualTo(declared);
    }

    @Test
    void aLiteralNeedsAName() {
        assertThatThrownBy(() -> Store.Literal.of(null)).isInstanceOf(NullPointerException.class).hasMessage("value");
    }
}
