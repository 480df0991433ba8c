package org.milkbottle.sdk.internal.command;

import java.nio.file.Path;
import java.util.Optional;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.sdk.api.ProjectGenerator;
import org.milkbottle.sdk.api.ProjectRequest;
import org.milkbottle.sdk.api.SdkException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code mb:create} and {@code mb:templates}, over the {@link ProjectGenerator}. */
@Component(service = SdkCommands.class)
@GogoCommand(scope = "mb", function = {"create", "templates"})
public class SdkCommands {

    private final ProjectGenerator generator;

    @Activate
    public SdkCommands(@Reference ProjectGenerator generator) {
        this.generator = generator;
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

    @Descriptor("list the project templates mb:create makes plugins from")
    public String templates() {
        return SdkFormatter.templates(generator.templates());
    }
}
