package {{package}};

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The answers, tested as plain Java: no server needed. */
class AnswersTest {

    @Test
    void greetsByNameAndEscapesWhatJsonMustEscape() {
        assertEquals("{\"plugin\": \"{{name}}\", \"greeting\": \"Hello, Ada!\"}", Answers.greeting(" Ada "));
        assertEquals("{\"plugin\": \"{{name}}\", \"greeting\": \"Hello, world!\"}", Answers.greeting(null));
        assertEquals("Hello, \\\"Bo\\\"\\u000a!", Answers.json("Hello, \"Bo\"\n!"));
    }
}
