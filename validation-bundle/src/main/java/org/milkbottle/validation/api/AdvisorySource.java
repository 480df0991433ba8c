package org.milkbottle.validation.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A source of advisories besides the local {@code advisories.json}, once consulted by the validator on
 * every check.
 *
 * @since 1.2
 * @deprecated since 1.5 the validator no longer looks services of this type up: asking a source on every
 *     check made the validator depend on the repository client, which depends on the validator. Push the
 *     advisories into the {@link AdvisoryRegistry} service when they are loaded or change, and withdraw
 *     them when they no longer apply. This interface will be removed in 2.0.
 */
@Deprecated(since = "1.5", forRemoval = true)
@ConsumerType
public interface AdvisorySource {

    /** The advisories known to this source now. */
    List<Advisory> advisories();
}
