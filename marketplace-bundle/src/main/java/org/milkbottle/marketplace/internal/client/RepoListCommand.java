package org.milkbottle.marketplace.internal.client;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code mb:repo-list}. */
@Component(service = RepoListCommand.class, property = {"osgi.command.scope=mb", "osgi.command.function=repo-list"})
public class RepoListCommand {

    @Reference
    private RepositoryResolver client;

    @Descriptor("list the plugin repositories this runtime installs from")
    public String _main(String command) {
        return RepositoryCommands.list(client);
    }
}
