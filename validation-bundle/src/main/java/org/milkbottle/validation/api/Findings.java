package org.milkbottle.validation.api;

import org.osgi.annotation.versioning.ProviderType;

/** Where a rule reports what it finds. */
@ProviderType
public interface Findings {

    /** Reports a finding. */
    void add(Finding finding);

    /**
     * Records that the code needs {@code permission} (the bytecode scan uses this).
     *
     * @param where what uses it, e.g. {@code ProcessBuilder.start in com.acme.Foo.run}
     */
    void uses(String permission, String where);
}
