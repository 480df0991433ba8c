package {{package}};

import java.util.ArrayList;
import java.util.List;

/** What {@code {{scope}}:add} was given, in order; safe to use from several shell sessions at once. */
public final class Entries {

    private final List<String> texts = new ArrayList<>();

    /**
     * Adds an entry.
     *
     * @return its number, counted from 1
     * @throws IllegalArgumentException for a blank text
     */
    public synchronized int add(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("An entry needs some text: {{scope}}:add \"buy milk\"");
        }
        texts.add(text.strip());
        return texts.size();
    }

    /** The entries, one numbered line each, or a hint when there are none. */
    public synchronized String format() {
        if (texts.isEmpty()) {
            return "No entries yet; add one with {{scope}}:add TEXT.";
        }
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            lines.append(i + 1).append(". ").append(texts.get(i)).append('\n');
        }
        return lines.toString().stripTrailing();
    }
}
