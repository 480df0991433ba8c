package org.milkbottle.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runtime's own bundles as the exported jar ships them: the embedded jar ({@code jar/…}, also the bundle's
 * location in the framework), its symbolic name and its start level. bnd's export writes them into
 * {@code launcher.properties}: {@code launch.bundles} lists the jars and {@code launch.runbundles.attrs} the
 * bundles with their {@code startlevel}, in the same order (the resolved {@code -runbundles}).
 *
 * @param location the jar's path inside the exported jar
 * @param symbolicName the bundle's symbolic name, as the resolver chose it
 * @param startLevel the start level the bndrun gives it
 */
record ShippedBundles(String location, String symbolicName, int startLevel) {

    private static final Pattern ATTRS = Pattern.compile("^([^;]+);.*?startlevel\\\\?=(\\d+)");

    /** Reads the list from the runtime's settings; empty when they carry none (a jar not made by the export). */
    static List<ShippedBundles> from(Properties settings) {
        String[] jars = split(settings.getProperty("launch.bundles", ""));
        String[] attrs = split(settings.getProperty("launch.runbundles.attrs", ""));
        if (jars.length != attrs.length) {
            throw new IllegalStateException("launcher.properties lists " + jars.length + " bundle jars and "
                    + attrs.length + " bundles; the exported jar is damaged, build it again");
        }
        List<ShippedBundles> bundles = new ArrayList<>(jars.length);
        for (int i = 0; i < jars.length; i++) {
            Matcher m = ATTRS.matcher(attrs[i]);
            if (!m.find()) {
                throw new IllegalStateException("launcher.properties: no start level for " + attrs[i]
                        + "; the exported jar is damaged, build it again");
            }
            bundles.add(new ShippedBundles(jars[i], m.group(1).trim(), Integer.parseInt(m.group(2))));
        }
        return bundles;
    }

    private static String[] split(String list) {
        // entries are separated by commas outside quotes (a version range in an attribute has one inside)
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (char c : list.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(part.toString().trim());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        if (!part.toString().isBlank()) {
            parts.add(part.toString().trim());
        }
        return parts.toArray(String[]::new);
    }
}
