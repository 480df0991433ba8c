package org.milkbottle.api;

/**
 * Names of the {@code milkbottle.runtime} capability the core bundle provides. A plugin requires a
 * version range of it, so the framework resolver refuses plugins built for another runtime:
 *
 * <pre>
 * Require-Capability: milkbottle.runtime;filter:="(&amp;(milkbottle.runtime=milkbottle)(version&gt;=1.0)(!(version&gt;=2.0)))"
 * </pre>
 *
 * or, with bnd, {@code @Requirement(namespace = "milkbottle.runtime", name = "milkbottle", version = "1.0")}.
 */
public final class RuntimeCapability {
    /** The capability namespace. */
    public static final String NAMESPACE = "milkbottle.runtime";
    /** The value of the namespace attribute. */
    public static final String NAME = "milkbottle";

    private RuntimeCapability() {
    }
}
