package org.milkbottle.core.internal.console;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a batch of shell commands into statements at {@code ;} and line ends that are outside quotes,
 * braces, brackets and parentheses, so that each statement's result and error can be reported on its
 * own. Lines starting with {@code #} are comments; a {@code \} at the end of a line continues it.
 * <p>
 * The splitter is fed as the text arrives ({@link #feed}) and hands back each statement as soon as it is
 * complete, so that commands read from a pipe run line by line, not after the end of input; a statement
 * still open at a line end (an unclosed quote or block) waits for the lines that complete it.
 */
public final class StatementSplitter {

    private final StringBuilder current = new StringBuilder();
    private int depth;
    private char quote;
    private boolean lineStart = true;
    private boolean comment;
    /** A backslash outside quotes whose meaning depends on the next character (a line end continues the line). */
    private boolean pendingBackslash;
    /** A backslash inside quotes: the next character is taken as it is. */
    private boolean escaped;

    /** The statements of {@code script}, trimmed, without empty ones. */
    public static List<String> split(String script) {
        StatementSplitter splitter = new StatementSplitter();
        List<String> statements = splitter.feed(script);
        statements.addAll(splitter.finish());
        return statements;
    }

    /** Takes the next piece of input; returns the statements it completed, in order (trimmed, no empty ones). */
    public List<String> feed(CharSequence text) {
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            accept(text.charAt(i), statements);
        }
        return statements;
    }

    /** The end of input: returns the statement still being read, if any. */
    public List<String> finish() {
        List<String> statements = new ArrayList<>();
        if (pendingBackslash) {
            current.append('\\');
            pendingBackslash = false;
        }
        add(statements);
        depth = 0;
        quote = 0;
        escaped = false;
        comment = false;
        lineStart = true;
        return statements;
    }

    /** Whether part of a statement has been read and waits for more input (for a continuation prompt). */
    public boolean incomplete() {
        return pendingBackslash || quote != 0 || depth > 0 || !current.toString().isBlank();
    }

    private void accept(char c, List<String> statements) {
        if (comment) {
            // the line end that closes a comment line closes nothing else
            comment = c != '\n';
            return;
        }
        if (pendingBackslash) {
            pendingBackslash = false;
            if (c == '\n') {
                return; // line continuation
            }
            current.append('\\');
        }
        if (quote == 0 && lineStart && c == '#') {
            comment = true;
            return;
        }
        if (!Character.isWhitespace(c)) {
            lineStart = false;
        }
        if (quote != 0) {
            current.append(c);
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == quote) {
                quote = 0;
            }
            return;
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
                    add(statements);
                    lineStart = c == '\n';
                } else {
                    current.append(c);
                }
            }
            case '\\' -> pendingBackslash = true;
            default -> current.append(c);
        }
    }

    private void add(List<String> statements) {
        String statement = current.toString().trim();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }
}
