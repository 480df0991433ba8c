package {{package}};

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The greeting's logic, tested as plain Java: no framework needed. */
class GreetingTest {

    @Test
    void greetsAsConfigured() {
        assertEquals("Hello, Ada!", new Greeting("Hello", 1, false).greet(" Ada "));
        assertEquals("HI, WORLD!!!", new Greeting("Hi", 3, true).greet(""));
        assertEquals("Hello, Ada", new Greeting("Hello", 0, false).greet("Ada"));
    }
}
