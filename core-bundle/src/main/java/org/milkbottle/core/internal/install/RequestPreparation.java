package org.milkbottle.core.internal.install;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.milkbottle.core.internal.store.ArtifactSink;
import org.osgi.framework.Bundle;
import org.osgi.resource.Resource;

/**
 * Turns a request's sources into the archives to install, planning once: files, URLs and Maven
 * coordinates are fetched; the plugin names are looked up in the repositories; one resolve over the
 * installed bundles, the request and the repositories says which dependencies are missing; those are
 * downloaded once into the request's staging. Nothing is installed here.
 */
public final class RequestPreparation {

    /**
     * @param archives every archive of the request: the ones given, the ones named and their dependencies
     * @param problems why the request cannot resolve (reported after validation, which has the last word)
     * @param notes what the user should know about the repositories' answers
     */
    public record Prepared(List<BundleArchive> archives, List<String> problems, List<String> notes) {
    }

    private final RequestFetcher requests;
    private final PluginRepositories repositories;
    private final InstallResolution resolution;
    private final RepositoryDownloads downloads;
    private final Supplier<Bundle[]> installed;

    public RequestPreparation(RequestFetcher requests, PluginRepositories repositories, InstallResolution resolution,
            RepositoryDownloads downloads, Supplier<Bundle[]> installed) {
        this.requests = requests;
        this.repositories = repositories;
        this.resolution = resolution;
        this.downloads = downloads;
        this.installed = installed;
    }

    /** Fetches, resolves and downloads what {@code sources} need, into {@code staging} (the request's). */
    public Prepared prepare(List<String> sources, ArtifactSink staging) {
        RequestFetcher.Sources fetched = requests.fetchAll(sources, Path.of(System.getProperty("user.dir")), staging);
        PluginRepositories.Session session = repositories.session();
        List<Resource> wanted = fetched.names().stream().map(session::pick).toList();
        Bundle[] bundles = installed.get();
        InstallResolution.Outcome outcome = resolution.resolve(bundles,
                InstallPlanner.withoutRuntimeCopies(fetched.archives(), bundles), wanted,
                repositories.isEmpty() ? null : session);
        List<BundleArchive> archives = new ArrayList<>(fetched.archives());
        if (outcome.problems().isEmpty()) {
            archives.addAll(downloads.fetchAll(outcome.downloads(), session, staging));
        }
        return new Prepared(archives, outcome.problems(), session.notes());
    }
}
