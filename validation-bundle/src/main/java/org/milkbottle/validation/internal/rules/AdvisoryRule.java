package org.milkbottle.validation.internal.rules;

import java.util.List;
import java.util.function.BiFunction;

import org.milkbottle.validation.api.Advisory;
import org.milkbottle.validation.api.Finding;
import org.milkbottle.validation.api.Findings;
import org.milkbottle.validation.api.PluginArchive;
import org.milkbottle.validation.api.Severity;
import org.milkbottle.validation.api.ValidationRule;

/** Advisories: a version named by a high or critical advisory is refused, a lesser one is warned about. */
public final class AdvisoryRule implements ValidationRule {

    private final BiFunction<String, String, List<Advisory>> advisories;

    public AdvisoryRule(BiFunction<String, String, List<Advisory>> advisories) {
        this.advisories = advisories;
    }

    @Override
    public String id() {
        return "advisory";
    }

    @Override
    public void check(PluginArchive archive, Findings findings) {
        String name = archive.headers().get("Bundle-SymbolicName");
        if (name == null) {
            return;
        }
        String symbolicName = name.split(";")[0].trim();
        for (Advisory advisory : advisories.apply(symbolicName, archive.headers().get("Bundle-Version"))) {
            findings.add(new Finding("advisory.matched", advisory.blocking() ? Severity.ERROR : Severity.WARNING,
                    "is affected by advisory " + advisory.id() + " (" + advisory.severity() + ", versions "
                            + advisory.versions() + "): " + advisory.message(), advisory.id()));
        }
    }
}
