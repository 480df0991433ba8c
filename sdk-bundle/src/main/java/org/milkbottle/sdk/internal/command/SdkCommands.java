package org.milkbottle.sdk.internal.command;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.sdk.api.DevMode;
import org.milkbottle.sdk.api.DocsGenerator;
import org.milkbottle.sdk.api.ProjectGenerator;
import org.milkbottle.sdk.api.Publisher;
import org.milkbottle.sdk.api.ProjectRequest;
import org.milkbottle.sdk.api.SdkException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code mb:create} and {@code mb:templates} over the {@link ProjectGenerator}, {@code mb:dev} over {@link DevMode},
 * {@code mb:publish} over the {@link Publisher}, {@code mb:docs} over the {@link DocsGenerator}.
 */
@Component(service = SdkCommands.class)
@GogoCommand(scope = "mb", function = {"create", "templates", "dev", "publish", "docs"})
public class SdkCommands {

    /** Where mb:publish finds a token not given with --token. */
    static final String TOKEN_VARIABLE = "MILKBOTTLE_TOKEN";

    private final ProjectGenerator generator;
    private final DevMode devMode;
    private final Publisher publisher;
    private final DocsGenerator docs;
    private final BundleContext context;

    @Activate
    public SdkCommands(@Reference ProjectGenerator generator, @Reference DevMode devMode,
            @Reference Publisher publisher, @Reference DocsGenerator docs, BundleContext context) {
        this.generator = generator;
        this.devMode = devMode;
        this.publisher = publisher;
        this.docs = docs;
        this.context = context;
    }

    @Descriptor("write a plugin's reference page from its jar: metadata, commands with their descriptions, "
            + "configuration schema, health checks, packages (Markdown, and HTML with --html)")
    public String docs(
            @Descriptor("also write an HTML page") @Parameter(names = {"-h", "--html"}, absentValue = "false",
                    presentValue = "true") boolean html,
            @Descriptor("the folder to write to (default: docs/ beside the jar)") @Parameter(names = {"-o", "--out"},
                    absentValue = "") String out,
            @Descriptor("the plugin's jar, e.g. target/org.acme.notes.jar") String jar) throws SdkException {
        Path file = Path.of(jar).toAbsolutePath().normalize();
        Path folder = out.isBlank() ? file.getParent().resolve("docs") : Path.of(out);
        return SdkFormatter.documented(docs.document(file, folder, html));
    }

    @Descriptor("publish a plugin's jar to a marketplace (validated there; a refusal says why and publishes nothing). "
            + "Then, on any runtime that uses that marketplace: mb:install NAME")
    public String publish(
            @Descriptor("the marketplace's address (default: this runtime's own, http://127.0.0.1:HTTP_PORT)")
            @Parameter(names = {"-m", "--marketplace"}, absentValue = "") String marketplace,
            @Descriptor("your publishing token, mbt_… (default: the MILKBOTTLE_TOKEN environment variable)")
            @Parameter(names = {"-t", "--token"}, absentValue = "") String token,
            @Descriptor("the plugin's jar, e.g. target/org.acme.notes.jar") String jar) throws SdkException {
        URI address;
        try {
            address = URI.create(marketplace.isBlank() ? "http://127.0.0.1:" + ownHttpPort() : marketplace.strip());
        } catch (IllegalArgumentException e) {
            throw new SdkException("'" + marketplace + "' is not an address; e.g. --marketplace http://127.0.0.1:8180. "
                    + "Nothing was published.");
        }
        String key = token.isBlank() ? System.getenv().getOrDefault(TOKEN_VARIABLE, "") : token;
        return SdkFormatter.published(publisher.publish(Path.of(jar), address, key));
    }

    private String ownHttpPort() {
        String port = context.getProperty("org.osgi.service.http.port");
        return port == null || port.isBlank() ? "8080" : port.strip();
    }

    @Descriptor("make a new plugin project (Maven, bnd, a unit test, README, CHANGELOG) from a template; "
            + "mb:templates lists them. Then: cd into it, mvn -q verify, mb:install file:target/NAME.jar")
    public String create(
            @Descriptor("the template (default basic)") @Parameter(names = {"-t", "--template"}, absentValue = "basic")
            String template,
            @Descriptor("the Java package of the code (default: the name)") @Parameter(names = {"-p", "--package"},
                    absentValue = "") String javaPackage,
            @Descriptor("the project folder to create; it must not exist (default: ./NAME)") @Parameter(names = {"-d",
                    "--dir"}, absentValue = "") String directory,
            @Descriptor("the plugin's symbolic name, e.g. org.acme.notes") String name) throws SdkException {
        return SdkFormatter.created(generator.create(new ProjectRequest(name, template,
                Optional.of(javaPackage).filter(p -> !p.isBlank()),
                Optional.of(directory).filter(d -> !d.isBlank()).map(Path::of))));
    }

    @Descriptor("watch a plugin project: every jar its build writes (target/*.jar) is validated and installed, or "
            + "updates the running version in place, as one transaction; a refused build keeps the version before. "
            + "mb:dev lists what is watched and the latest updates")
    public String dev(
            @Descriptor("stop watching the folder (the plugin stays installed)") @Parameter(names = {"-s", "--stop"},
                    absentValue = "false", presentValue = "true") boolean stop,
            @Descriptor("the project folder (the one with pom.xml)") String directory) throws SdkException {
        Path folder = Path.of(directory);
        if (stop) {
            if (!devMode.stop(folder)) {
                throw new SdkException(folder.toAbsolutePath().normalize() + " is not watched; mb:dev lists what is.");
            }
            return "Stopped watching " + folder.toAbsolutePath().normalize() + "; the plugin stays installed.";
        }
        return SdkFormatter.watching(devMode.watch(folder));
    }

    @Descriptor("list the watched plugin projects and their latest updates")
    public String dev() {
        return SdkFormatter.watches(devMode.watches());
    }

    @Descriptor("list the project templates mb:create makes plugins from")
    public String templates() {
        return SdkFormatter.templates(generator.templates());
    }
}
