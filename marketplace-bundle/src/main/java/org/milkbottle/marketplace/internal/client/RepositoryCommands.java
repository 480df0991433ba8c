package org.milkbottle.marketplace.internal.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.milkbottle.api.PluginException;

/**
 * The logic behind {@code mb:repo-add}, {@code mb:repo-list} and {@code mb:repo-remove}. A Java method
 * name cannot contain a dash, so each command is a class whose {@code _main} method Gogo calls for any
 * function name, passing that name first.
 */
final class RepositoryCommands {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,50}");

    private RepositoryCommands() {
    }

    static String add(RepositoryResolver client, String name, String url, String keyFile) throws IOException {
        if (!NAME.matcher(name).matches() || name.equals(Repository.LOCAL)) {
            throw new PluginException("A repository name is 1 to 50 letters, digits or . _ - (and not 'local').");
        }
        URI base;
        try {
            base = IndexSource.base(url);
        } catch (IllegalArgumentException e) {
            throw new PluginException("'" + url + "' is not a URL.");
        }
        String scheme = base.getScheme() == null ? "" : base.getScheme();
        if (!List.of("http", "https", "file").contains(scheme)) {
            throw new PluginException("A repository URL starts with http://, https:// (a marketplace's /repository/) "
                    + "or file: (a folder with an index.xml).");
        }
        String key = null;
        String keyNote = "";
        if (keyFile != null) {
            Path file = Path.of(keyFile).toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) {
                throw new PluginException("Key file not found: " + file);
            }
            key = Files.readString(file);
            IndexVerifier.key(key);
        } else if (!scheme.equals("file")) {
            key = fetchKey(base);
            keyNote = "Pinned the marketplace's key as served by it, fingerprint " + IndexVerifier.fingerprint(key)
                    + ". Compare it with the fingerprint its admin publishes; give the key file to pin a known key.\n";
        }
        Repository repository = new Repository(name, base.toString(), key);
        client.indexes().forget(name);
        LoadedIndex index = client.indexes().load(repository); // refuses a bad signature before anything is saved
        if (index.offlineNote() != null) {
            throw new PluginException("Repository " + base + " cannot be reached: " + index.offlineNote());
        }
        client.list().add(repository);
        client.advisories().withdraw(name); // a repository of that name added before is replaced, not merged
        client.advisories().refresh(repository);
        return keyNote + "Added repository '" + name + "' (" + base + "): " + index.resources().size()
                + " resources.\n";
    }

    private static String fetchKey(URI base) {
        try {
            return new String(HttpGet.bytes(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                    base.resolve("key.pem"), Duration.ofSeconds(30)), java.nio.charset.StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new PluginException("Cannot get the key from " + base.resolve("key.pem") + " ("
                    + HttpGet.describe(e) + "). Check the URL (a marketplace's /repository/) and that it is running.");
        }
    }

    static String list(RepositoryResolver client) {
        StringBuilder out = new StringBuilder(String.format("%-16s %-48s %-10s %s%n", "NAME", "URL", "RESOURCES",
                "KEY"));
        for (Repository repository : client.repositories()) {
            String resources;
            try {
                LoadedIndex index = client.indexes().load(repository);
                resources = index.resources().size() + (index.offlineNote() != null ? " (offline)" : "");
            } catch (PluginException e) {
                resources = "error";
            }
            out.append(String.format("%-16s %-48s %-10s %s%n", repository.name(),
                    repository.isLocal() ? "(this runtime's marketplace)" : repository.url(), resources,
                    repository.publicKey() == null ? "-" : IndexVerifier.fingerprint(repository.publicKey())));
        }
        return out.toString();
    }

    static String remove(RepositoryResolver client, String name) throws IOException {
        if (!client.list().remove(name)) {
            throw new PluginException("No repository is named '" + name + "'; mb:repo-list shows them.");
        }
        client.indexes().forget(name);
        client.advisories().withdraw(name);
        return "Removed repository '" + name + "'.\n";
    }
}
