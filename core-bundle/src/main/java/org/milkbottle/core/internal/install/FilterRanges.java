package org.milkbottle.core.internal.install;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the version terms of a requirement filter back into a range users know, e.g.
 * {@code (&(x=y)(version>=1.0)(!(version>=2.0)))} into {@code [1.0,2.0)}, and finds the name a filter
 * asks for.
 */
public final class FilterRanges {

    private FilterRanges() {
    }

    /** The version range of {@code attribute} in {@code filter}, or {@code "any version"} when it has none. */
    public static String rangeOf(String filter, String attribute) {
        if (filter == null) {
            return "any version";
        }
        String a = Pattern.quote(attribute);
        String lower = null;
        String upper = null;
        char lowerBracket = '[';
        char upperBracket = ')';
        Matcher exact = Pattern.compile("(?<![!<>~])\\(" + a + "=([^)*]+)\\)").matcher(filter);
        Matcher ge = Pattern.compile("(?<!!)\\(" + a + ">=([^)]+)\\)").matcher(filter);
        Matcher notGe = Pattern.compile("\\(!\\(" + a + ">=([^)]+)\\)\\)").matcher(filter);
        Matcher le = Pattern.compile("(?<!!)\\(" + a + "<=([^)]+)\\)").matcher(filter);
        Matcher notLe = Pattern.compile("\\(!\\(" + a + "<=([^)]+)\\)\\)").matcher(filter);
        String withoutNegations = filter.replaceAll("\\(!\\([^()]*\\)\\)", "");
        if (exact.find() && !filter.contains("(!(" + attribute + "=")) {
            return "[" + exact.group(1) + "," + exact.group(1) + "]";
        }
        Matcher geOutside = Pattern.compile("\\(" + a + ">=([^)]+)\\)").matcher(withoutNegations);
        if (geOutside.find()) {
            lower = geOutside.group(1);
        } else if (notLe.find()) {
            lower = notLe.group(1);
            lowerBracket = '(';
        }
        Matcher leOutside = Pattern.compile("\\(" + a + "<=([^)]+)\\)").matcher(withoutNegations);
        if (notGe.find()) {
            upper = notGe.group(1);
        } else if (leOutside.find()) {
            upper = leOutside.group(1);
            upperBracket = ']';
        }
        if (lower == null && upper == null) {
            return ge.find() || le.find() ? filter : "any version";
        }
        if (upper == null) {
            return lower;
        }
        return lowerBracket + (lower == null ? "0.0.0" : lower) + "," + upper + upperBracket;
    }

    /** The value {@code filter} requires for {@code attribute}, e.g. the package name, or {@code null}. */
    public static String valueOf(String filter, String attribute) {
        if (filter == null) {
            return null;
        }
        Matcher m = Pattern.compile("\\(" + Pattern.quote(attribute) + "=([^)]*)\\)").matcher(filter);
        return m.find() ? m.group(1) : null;
    }
}
