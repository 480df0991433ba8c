package org.milkbottle.perf.internal.monitor;

import org.apache.felix.service.command.CommandProcessor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Finds the bundle that registered the command service a shell line called, by the {@code osgi.command.scope}
 * and {@code osgi.command.function} service properties (String or String[]; an LDAP filter matches either).
 */
final class CommandOwnerLookup {

    private final BundleContext context;

    CommandOwnerLookup(BundleContext context) {
        this.context = context;
    }

    /**
     * The bundle id, or {@link PackageIndex#NO_BUNDLE} when no service provides the command. A bare function
     * provided in several scopes goes to the highest-ranked service — the shell's own choice depends on the
     * session's SCOPE variable, which a listener does not see reliably.
     */
    long ownerOf(CommandLineParser.CommandName command) {
        String function = "(" + CommandProcessor.COMMAND_FUNCTION + "=" + escape(command.function()) + ")";
        String filter = command.scope() == null ? function
                : "(&(" + CommandProcessor.COMMAND_SCOPE + "=" + escape(command.scope()) + ")" + function + ")";
        ServiceReference<?>[] refs;
        try {
            // All references, not only those class-space compatible with this bundle: commands are any objects.
            refs = context.getAllServiceReferences(null, filter);
        } catch (InvalidSyntaxException e) {
            return PackageIndex.NO_BUNDLE;
        }
        ServiceReference<?> best = null;
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            if (best == null || ref.compareTo(best) > 0) {
                best = ref;
            }
        }
        Bundle owner = best == null ? null : best.getBundle();
        return owner == null ? PackageIndex.NO_BUNDLE : owner.getBundleId();
    }

    /** RFC 1960 escaping of a filter value. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
