package org.milkbottle.sdk.internal.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.lang.model.SourceVersion;

import org.milkbottle.sdk.api.SdkException;

/**
 * The names a project is made with, checked, and those derived from the plugin's name: for {@code org.acme.my-notes}
 * the Maven groupId {@code org.acme}, the shell scope {@code mynotes}, the class-name prefix {@code MyNotes}, the
 * title {@code My Notes}, and a vendor and contact address to fill in.
 */
record ProjectNames(String name, String groupId, String javaPackage, String scope, String simple, String title,
        String vendor, String contact) {

    /** As the validator's metadata rule and the marketplace's store take a symbolic name (at most 200 characters). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    private static final int MAX_NAME = 200;

    static ProjectNames of(String name, Optional<String> requestedPackage) throws SdkException {
        if (name == null || name.isBlank()) {
            throw new SdkException("Give the plugin a name, e.g. mb:create org.acme.notes.");
        }
        if (!NAME.matcher(name).matches() || name.length() > MAX_NAME) {
            throw new SdkException("'" + name + "' is not a valid plugin name: use at most " + MAX_NAME
                    + " characters, dot-separated parts of letters, digits, '-' and '_', e.g. org.acme.notes.");
        }
        String last = name.substring(name.lastIndexOf('.') + 1);
        List<String> words = new ArrayList<>();
        for (String word : last.split("[-_]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        if (words.isEmpty() || !Character.isLetter(words.get(0).charAt(0))) {
            throw new SdkException("The last part of '" + name + "' must start with a letter: it names the shell "
                    + "commands (" + "SCOPE:add) and the classes; e.g. org.acme.notes.");
        }
        String javaPackage = requestedPackage.filter(p -> !p.isBlank()).orElse(null);
        if (javaPackage != null && (!SourceVersion.isName(javaPackage) || javaPackage.startsWith("java."))) {
            throw new SdkException("'" + javaPackage + "' is not a valid Java package name: use dot-separated Java "
                    + "identifiers that are not keywords and do not start with java., e.g. --package org.acme.notes.");
        }
        if (javaPackage == null) {
            javaPackage = name.toLowerCase(Locale.ROOT).replace('-', '_');
            if (!SourceVersion.isName(javaPackage) || javaPackage.startsWith("java.")) {
                throw new SdkException("'" + name + "' cannot be the Java package of the code (a part is a Java "
                        + "keyword or starts with a digit); give one with --package, e.g. --package org.acme.notes.");
            }
        }
        String groupId = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        StringBuilder simple = new StringBuilder();
        StringBuilder title = new StringBuilder();
        for (String word : words) {
            String capitalised = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            simple.append(capitalised);
            title.append(title.length() == 0 ? "" : " ").append(capitalised);
        }
        String scope = String.join("", words).toLowerCase(Locale.ROOT);
        return new ProjectNames(name, groupId, javaPackage, scope, simple.toString(), title.toString(), groupId,
                "plugins@" + domain(groupId));
    }

    /** org.acme → acme.org, for a contact address to replace; example.org when the name gives none. */
    private static String domain(String groupId) {
        List<String> parts = new ArrayList<>();
        for (String part : groupId.toLowerCase(Locale.ROOT).split("\\.")) {
            String clean = part.replaceAll("[^a-z0-9-]", "");
            if (clean.isEmpty() || clean.startsWith("-") || clean.endsWith("-")) {
                return "example.org";
            }
            parts.add(0, clean);
        }
        return parts.size() < 2 ? "example.org" : String.join(".", parts);
    }
}
