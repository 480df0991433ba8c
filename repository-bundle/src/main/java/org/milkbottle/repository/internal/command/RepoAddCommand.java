package org.milkbottle.repository.internal.command;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.repository.api.RepositoryRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code mb:repo-add NAME URL [KEYFILE]}. Gogo cannot map a function name with a dash onto a Java method,
 * so each dashed command is a class of its own whose {@code _main} methods Gogo calls with the function
 * name first; the other {@code mb:repo-*} commands are built the same way.
 */
@Component(service = RepoAddCommand.class)
@GogoCommand(scope = "mb", function = "repo-add")
public class RepoAddCommand {

    private final RepositoryRegistry repositories;

    @Activate
    public RepoAddCommand(@Reference RepositoryRegistry repositories) {
        this.repositories = repositories;
    }

    @Descriptor("add a plugin repository: a marketplace (http(s)://host:port/repository/, its index signature is "
            + "checked with the key it serves, pinned now) or a folder with an index.xml (file:)")
    public String _main(String function, @Descriptor("a short name for it") String name,
            @Descriptor("its URL") String url) {
        return RepositoryFormatter.added(repositories.add(name, url, null));
    }

    @Descriptor("add a marketplace (or folder) whose index must be signed by the key in KEYFILE (PEM)")
    public String _main(String function, @Descriptor("a short name for it") String name,
            @Descriptor("its URL") String url,
            @Descriptor("the marketplace's public key (PEM), from its /repository/key.pem") String keyFile) {
        return RepositoryFormatter.added(repositories.add(name, url, keyFile));
    }
}
