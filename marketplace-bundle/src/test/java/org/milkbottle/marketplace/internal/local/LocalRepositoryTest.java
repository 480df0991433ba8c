package org.milkbottle.marketplace.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;

import aQute.bnd.osgi.resource.CapReqBuilder;
import aQute.bnd.osgi.resource.ResourceBuilder;

class LocalRepositoryTest {

    @TempDir
    Path dir;

    private volatile List<Resource> published = List.of();

    private static Resource resource(String name, String version) {
        ResourceBuilder builder = new ResourceBuilder();
        builder.addCapability(CapReqBuilder.createCapReqBuilder("osgi.identity", null).addAttribute("osgi.identity",
                name).addAttribute("version", version).addAttribute("type", "osgi.bundle"));
        return builder.build();
    }

    private static List<Capability> find(LocalRepository repository, String name) {
        Requirement requirement = CapReqBuilder.createBundleRequirement(name, null).buildSyntheticRequirement();
        Map<Requirement, Collection<Capability>> answer = repository.findProviders(List.of(requirement));
        return List.copyOf(answer.get(requirement));
    }

    @Test
    void answersFromTheCatalogAndFollowsItWhenSomethingIsPublished() {
        LocalRepository repository = new LocalRepository(() -> published);
        assertThat(find(repository, "acme.pdf")).isEmpty();

        published = List.of(resource("acme.pdf", "1.0.0"));
        assertThat(find(repository, "acme.pdf")).hasSize(1);
        published = List.of(resource("acme.pdf", "1.0.0"), resource("acme.pdf", "1.1.0"));
        assertThat(find(repository, "acme.pdf")).hasSize(2);
    }

    @Test
    void aMarketplaceThatCouldNotStartAnswersNothing() {
        LocalRepository repository = new LocalRepository(() -> {
            throw new IllegalStateException("The marketplace could not open its storage");
        });
        assertThat(find(repository, "acme.pdf")).isEmpty();
    }
}
