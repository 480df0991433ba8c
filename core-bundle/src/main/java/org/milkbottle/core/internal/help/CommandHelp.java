package org.milkbottle.core.internal.help;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Describes shell commands from their services: the {@code @Descriptor} texts and {@code @Parameter} flags
 * of the methods Gogo would call — also for commands with a dash in their name, which Gogo calls through a
 * {@code _main} method and its own {@code help} therefore cannot find.
 */
final class CommandHelp {

    /** One command: its scope and function, and the methods that carry it. */
    record Entry(String scope, String function, List<Method> methods) {

        String name() {
            return scope + ":" + function;
        }
    }

    private final BundleContext context;

    CommandHelp(BundleContext context) {
        this.context = context;
    }

    /** Every registered command, by {@code scope:function}. */
    Map<String, Entry> commands() {
        Map<String, Entry> commands = new TreeMap<>();
        ServiceReference<?>[] references;
        try {
            references = context.getAllServiceReferences(null, "(osgi.command.function=*)");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (ServiceReference<?> reference : references == null ? new ServiceReference<?>[0] : references) {
            Object scope = reference.getProperty("osgi.command.scope");
            Object service = context.getService(reference);
            if (service == null) {
                continue;
            }
            try {
                for (String function : functions(reference.getProperty("osgi.command.function"))) {
                    Entry entry = new Entry(String.valueOf(scope), function, methods(service.getClass(), function));
                    commands.putIfAbsent(entry.name(), entry);
                }
            } finally {
                context.ungetService(reference);
            }
        }
        return commands;
    }

    private static List<String> functions(Object property) {
        if (property instanceof String[] array) {
            return Arrays.asList(array);
        }
        return property == null ? List.of() : List.of(String.valueOf(property));
    }

    /**
     * The public methods Gogo calls for {@code function}: named after it, or {@code get} + it (how a command named
     * after a Java keyword is written: {@code mb:package} is {@code getPackage}), or {@code _main}.
     */
    private static List<Method> methods(Class<?> type, String function) {
        List<Method> named = new ArrayList<>();
        List<Method> main = new ArrayList<>();
        for (Method method : type.getMethods()) {
            if (method.getName().equalsIgnoreCase(function) || (method.getName().equalsIgnoreCase("get" + function)
                    && method.getDeclaringClass() != Object.class)) {
                named.add(method);
            } else if (method.getName().equals("_main")) {
                main.add(method);
            }
        }
        List<Method> chosen = named.isEmpty() ? main : named;
        chosen.sort(Comparator.comparingInt(Method::getParameterCount)); // the simplest call first
        return chosen;
    }

    /** The first {@code @Descriptor} text of a command, or empty. */
    static String summary(Entry entry) {
        return entry.methods().stream().map(m -> m.getAnnotation(Descriptor.class)).filter(d -> d != null)
                .map(Descriptor::value).findFirst().orElse("");
    }

    /** Usage lines: one per way to call the command, with the flags and arguments it takes. */
    static List<String> usage(Entry entry) {
        List<String> lines = new ArrayList<>();
        for (Method method : entry.methods()) {
            StringBuilder line = new StringBuilder(entry.name());
            List<String> details = new ArrayList<>();
            boolean main = method.getName().equals("_main");
            int position = 0;
            int arguments = 0;
            for (Parameter parameter : method.getParameters()) {
                if (CommandSession.class.isAssignableFrom(parameter.getType())) {
                    continue;
                }
                // Gogo's Parameter annotation; java.lang.reflect.Parameter has the simple name here
                org.apache.felix.service.command.Parameter flag = parameter.getAnnotation(
                        org.apache.felix.service.command.Parameter.class);
                Descriptor descriptor = parameter.getAnnotation(Descriptor.class);
                String text = descriptor == null ? "" : descriptor.value();
                if (flag != null) {
                    boolean valueless = !org.apache.felix.service.command.Parameter.UNSPECIFIED.equals(
                            flag.presentValue());
                    String names = String.join("|", flag.names());
                    line.append(" [").append(names).append(valueless ? "" : " VALUE").append(']');
                    details.add("  " + names + "  " + text);
                    continue;
                }
                if (main && position++ == 0) {
                    continue; // the command name Gogo passes first
                }
                String argument = "ARG" + ++arguments;
                line.append(' ').append(parameter.isVarArgs() ? "[" + argument + " …]" : argument);
                details.add("  " + argument + "  " + text);
            }
            lines.add(line.toString());
            Descriptor descriptor = method.getAnnotation(Descriptor.class);
            if (descriptor != null) {
                lines.add("  " + descriptor.value());
            }
            lines.addAll(details);
        }
        return lines;
    }
}
