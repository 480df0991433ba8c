package org.milkbottle.core.internal.config;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A configuration value as text with its type, and back: {@code ["Integer", "3"]}, {@code ["String[]", "a", "b"]}.
 * The types are those ConfigurationAdmin stores: String, the boxed primitives, and arrays or lists of them.
 */
final class TypedValue {

    private static final Map<String, Class<?>> SCALARS = Map.of("String", String.class, "Integer", Integer.class,
            "Long", Long.class, "Double", Double.class, "Float", Float.class, "Boolean", Boolean.class, "Short",
            Short.class, "Byte", Byte.class, "Character", Character.class);

    private TypedValue() {
    }

    static List<String> encode(Object value) {
        List<String> encoded = new ArrayList<>();
        if (value != null && value.getClass().isArray()) {
            encoded.add(scalarName(value.getClass().getComponentType()) + "[]");
            for (int i = 0; i < Array.getLength(value); i++) {
                encoded.add(String.valueOf(Array.get(value, i)));
            }
        } else if (value instanceof Collection<?> collection) {
            Object first = collection.isEmpty() ? "" : collection.iterator().next();
            encoded.add("List<" + scalarName(first.getClass()) + ">");
            collection.forEach(element -> encoded.add(String.valueOf(element)));
        } else {
            encoded.add(scalarName(value == null ? String.class : value.getClass()));
            encoded.add(String.valueOf(value));
        }
        return encoded;
    }

    static Object decode(List<String> encoded) {
        String type = encoded.get(0);
        List<String> texts = encoded.subList(1, encoded.size());
        if (type.endsWith("[]")) {
            Class<?> element = scalar(type.substring(0, type.length() - 2));
            Object array = Array.newInstance(element, texts.size());
            for (int i = 0; i < texts.size(); i++) {
                Array.set(array, i, parse(element, texts.get(i)));
            }
            return array;
        }
        if (type.startsWith("List<")) {
            Class<?> element = scalar(type.substring(5, type.length() - 1));
            List<Object> list = new ArrayList<>();
            texts.forEach(text -> list.add(parse(element, text)));
            return list;
        }
        return parse(scalar(type), texts.get(0));
    }

    private static String scalarName(Class<?> type) {
        Class<?> boxed = type.isPrimitive() ? box(type) : type;
        return SCALARS.entrySet().stream().filter(e -> e.getValue() == boxed).map(Map.Entry::getKey).findFirst()
                .orElse("String");
    }

    private static Class<?> scalar(String name) {
        Class<?> type = SCALARS.get(name);
        if (type == null) {
            throw new IllegalArgumentException("unknown configuration value type " + name);
        }
        return type;
    }

    private static Object parse(Class<?> type, String text) {
        if (type == String.class) {
            return text;
        }
        if (type == Character.class) {
            return text.isEmpty() ? '\0' : text.charAt(0);
        }
        if (type == Boolean.class) {
            return Boolean.valueOf(text);
        }
        if (type == Integer.class) {
            return Integer.valueOf(text);
        }
        if (type == Long.class) {
            return Long.valueOf(text);
        }
        if (type == Double.class) {
            return Double.valueOf(text);
        }
        if (type == Float.class) {
            return Float.valueOf(text);
        }
        if (type == Short.class) {
            return Short.valueOf(text);
        }
        return Byte.valueOf(text);
    }

    private static Class<?> box(Class<?> primitive) {
        return Array.get(Array.newInstance(primitive, 1), 0).getClass();
    }
}
