package org.milkbottle.example.hello;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GreeterTest {

    @Test
    void greetsTheWorldWhenNoNameIsGiven() {
        assertThat(new Greeter("Hello", 1, "plain").greet(" ")).isEqualTo("Hello, world!");
    }

    @Test
    void appliesExcitementAndStyle() {
        assertThat(new Greeter("Hi", 3, "shout").greet("Ada")).isEqualTo("HI, ADA!!!");
        assertThat(new Greeter("Hi", 0, "plain").greet("Ada")).isEqualTo("Hi, Ada");
    }
}
