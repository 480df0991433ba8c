package {{package}};

/** The JSON answers of {@code /plugin/{{name}}/}; plain Java, tested without a server. */
public final class Answers {

    private Answers() {
    }

    /** {@code {"plugin": "{{name}}", "greeting": "Hello, NAME!"} }, the world when no name is given. */
    public static String greeting(String name) {
        String who = name == null || name.isBlank() ? "world" : name.strip();
        return "{\"plugin\": \"{{name}}\", \"greeting\": \"" + json("Hello, " + who + "!") + "\"}";
    }

    /** A JSON string's content: quotes, backslashes and control characters escaped. */
    static String json(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
