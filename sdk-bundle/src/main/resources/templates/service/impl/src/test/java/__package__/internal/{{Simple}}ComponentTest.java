package {{package}}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The component's logic and the command over it, tested as plain Java: no framework needed. */
class {{Simple}}ComponentTest {

    @Test
    void greetsByNameAndTheWorldWhenNoNameIsGiven() {
        {{Simple}}Component component = new {{Simple}}Component();
        assertEquals("Hello, Ada, from {{title}}!", component.greet(" Ada "));
        assertEquals("Hello, world, from {{title}}!", component.greet(""));
    }

    @Test
    void theCommandAsksTheService() {
        assertEquals("Hello, Ada, from {{title}}!", new {{Simple}}Commands(new {{Simple}}Component()).greet("Ada"));
    }
}
