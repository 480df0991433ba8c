package org.milkbottle.validation.internal;

import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Which bundle's code is making the current call into the framework: the first frame on the stack
 * whose class belongs to a bundle other than the framework and this one. Declarative Services looks
 * up ConfigurationAdmin <em>through a plugin's own bundle context</em>; only the stack tells its lookup
 * apart from the plugin's.
 */
final class Callers {

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    /** Sees lambda proxies and method-reference frames too: they belong to the bundle that made them. */
    private static final StackWalker EVERY_FRAME = StackWalker.getInstance(Set.of(
            StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_HIDDEN_FRAMES,
            StackWalker.Option.SHOW_REFLECT_FRAMES));

    private Callers() {
    }

    /** The calling bundle, or null when only the framework and the JDK are on the stack. */
    static Bundle current() {
        Bundle self = FrameworkUtil.getBundle(Callers.class);
        return WALKER.walk(frames -> frames.map(f -> FrameworkUtil.getBundle(f.getDeclaringClass()))
                .filter(b -> b != null && b.getBundleId() != 0 && !b.equals(self))
                .findFirst().orElse(null));
    }

    /**
     * Whether no bundle's code but the framework's and this bundle's is on the stack, hidden frames
     * included: the call comes from the program that embeds the framework.
     */
    static boolean fromEmbedder() {
        Bundle self = FrameworkUtil.getBundle(Callers.class);
        return EVERY_FRAME.walk(frames -> frames.map(f -> FrameworkUtil.getBundle(f.getDeclaringClass()))
                .noneMatch(b -> b != null && b.getBundleId() != 0 && !b.equals(self)));
    }

    /** Whether a framework method of this name is on the stack (e.g. a hook being registered). */
    static boolean inFramework(String methodName) {
        return WALKER.walk(frames -> frames.anyMatch(f -> f.getMethodName().equals(methodName)
                && f.getDeclaringClass().getName().startsWith("org.apache.felix.framework.")));
    }

    /** Whether the current call is made by one of the given (runtime) bundles. */
    static boolean madeBy(Set<Long> bundleIds) {
        Bundle caller = current();
        return caller != null && bundleIds.contains(caller.getBundleId());
    }
}
