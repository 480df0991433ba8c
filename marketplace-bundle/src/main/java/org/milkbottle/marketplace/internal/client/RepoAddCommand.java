package org.milkbottle.marketplace.internal.client;

import java.io.IOException;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code mb:repo-add NAME URL [KEYFILE]}. */
@Component(service = RepoAddCommand.class, property = {"osgi.command.scope=mb", "osgi.command.function=repo-add"})
public class RepoAddCommand {

    @Reference
    private RepositoryResolver client;

    @Descriptor("add a plugin repository: a marketplace (http(s)://host:port/repository/, its index signature is "
            + "checked with KEYFILE or the key it serves, pinned now) or a folder with an index.xml (file:)")
    public String _main(String command, @Descriptor("a short name for it") String name, @Descriptor("its URL") String url)
            throws IOException {
        return RepositoryCommands.add(client, name, url, null);
    }

    @Descriptor("add a marketplace whose index must be signed by the key in KEYFILE (PEM)")
    public String _main(String command, @Descriptor("a short name for it") String name, @Descriptor("its URL") String url,
            @Descriptor("the marketplace's public key (PEM), from its /repository/key.pem") String keyFile)
            throws IOException {
        return RepositoryCommands.add(client, name, url, keyFile);
    }
}
