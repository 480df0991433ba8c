package org.milkbottle.sdk.internal.command;

import java.nio.file.Path;
import java.util.Optional;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.sdk.api.DevMode;
import org.milkbottle.sdk.api.ProjectGenerator;
import org.milkbottle.sdk.api.ProjectRequest;
import org.milkbottle.sdk.api.SdkException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code mb:create} and {@code mb:templates} over the {@link ProjectGenerator}, {@code mb:dev} over {@link DevMode}. */
@Component(service = SdkCommands.class)
@GogoCommand(scope = "mb", function = {"create", "templates", "dev"})
public class SdkCommands {

    private final ProjectGenerator generator;
    private final DevMode devMode;

    @Activate
    public SdkCommands(@Reference ProjectGenerator generator, @Reference DevMode devMode) {
        this.generator = generator;
        this.devMode = devMode;
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
