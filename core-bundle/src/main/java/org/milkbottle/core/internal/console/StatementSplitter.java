package org.milkbottle.core.internal.console;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a batch of shell commands into statements at {@code ;} and line ends that are outside quotes,
 * braces, brackets and parentheses, so that each statement's result and error can be reported on its
 * own. Lines starting with {@code #} are comments.
 */
public final class StatementSplitter {

    private StatementSplitter() {
    }

    /** The statements of {@code script}, trimmed, without empty ones. */
    public static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        char quote = 0;
        boolean lineStart = true;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (quote == 0 && lineStart && c == '#') {
                while (i < script.length() && script.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (!Character.isWhitespace(c)) {
                lineStart = false;
            }
            if (quote != 0) {
                current.append(c);
                if (c == '\\' && i + 1 < script.length()) {
                    current.append(script.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            switch (c) {
                case '\'', '"' -> {
                    quote = c;
                    current.append(c);
                }
                case '{', '[', '(' -> {
                    depth++;
                    current.append(c);
                }
                case '}', ']', ')' -> {
                    depth = Math.max(0, depth - 1);
                    current.append(c);
                }
                case ';', '\n' -> {
                    if (depth == 0) {
                        add(statements, current);
                        lineStart = c == '\n';
                    } else {
                        current.append(c);
                    }
                }
                case '\\' -> {
                    if (i + 1 < script.length() && script.charAt(i + 1) == '\n') {
                        i++; // line continuation
                    } else {
                        current.append(c);
                    }
                }
                default -> current.append(c);
            }
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().trim();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }
}
