package {{package}};

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code {{scope}}:add} and {@code {{scope}}:list} shell commands. Kept thin: the work is in {@link Entries},
 * which is tested without a framework. What a command returns is printed by the shell.
 *
 * <p>Immediate: the shell lets go of a command object after each command, and Declarative Services would then
 * drop a delayed component's instance, and the entries with it.
 */
@Component(service = {{Simple}}Commands.class, immediate = true)
@GogoCommand(scope = "{{scope}}", function = {"add", "list"})
public class {{Simple}}Commands {

    private final Entries entries = new Entries();

    @Descriptor("add an entry")
    public String add(@Descriptor("the entry's text") String text) {
        int number = entries.add(text);
        return "Added entry " + number + ".";
    }

    @Descriptor("list the entries")
    public String list() {
        return entries.format();
    }
}
