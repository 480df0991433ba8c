package org.milkbottle.core.internal.install;

import java.util.List;
import java.util.Map;

/**
 * One clause of an OSGi manifest header: {@code name1;name2;attr=value;dir:=value}.
 *
 * @param names the clause's paths (package names, namespace, symbolic name)
 * @param attributes attributes without their {@code :type} suffix, values unquoted
 * @param directives directives, values unquoted
 * @param types declared attribute types ({@code version:Version} gives {@code version -> Version})
 */
public record HeaderClause(List<String> names, Map<String, String> attributes, Map<String, String> directives,
        Map<String, String> types) {

    public HeaderClause {
        names = List.copyOf(names);
        attributes = Map.copyOf(attributes);
        directives = Map.copyOf(directives);
        types = Map.copyOf(types);
    }

    /** The first name. */
    public String name() {
        return names.get(0);
    }

    /** Whether {@code resolution:=optional}. */
    public boolean optional() {
        return "optional".equals(directives.get("resolution"));
    }
}
