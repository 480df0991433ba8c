package org.milkbottle.marketplace.internal.client;

import java.io.IOException;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code mb:repo-remove NAME}. */
@Component(service = RepoRemoveCommand.class, property = {"osgi.command.scope=mb", "osgi.command.function=repo-remove"})
public class RepoRemoveCommand {

    @Reference
    private RepositoryResolver client;

    @Descriptor("stop using a plugin repository (installed plugins stay)")
    public String _main(String command, @Descriptor("repository name from mb:repo-list") String name) throws IOException {
        return RepositoryCommands.remove(client, name);
    }
}
