package org.milkbottle.validation.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A source of advisories besides the local {@code advisories.json}, e.g. the marketplaces a runtime
 * uses. Register it as a service; the validator consults every one, for new installs and for the
 * warnings {@code mb:list} and {@code mb:health} show about installed plugins.
 *
 * @since 1.2
 */
@ConsumerType
public interface AdvisorySource {

    /** The advisories known to this source now (fast: called for every check; cache behind it). */
    List<Advisory> advisories();
}
