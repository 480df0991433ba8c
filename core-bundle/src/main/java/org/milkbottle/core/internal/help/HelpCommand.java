package org.milkbottle.core.internal.help;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.core.internal.start.RuntimeStages;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;

/**
 * {@code help} and {@code help COMMAND}. The console looks MilkBottle's scope up first, so a plain
 * {@code help} lands here. Gogo's own help finds commands by method name, which misses every command with a
 * dash in its name ({@code mb:repo-add}, {@code mb:trust-allow}, …); this one reads the services instead.
 */
@Component(service = HelpCommand.class)
@GogoCommand(scope = "mb", function = "help")
public class HelpCommand {

    /** How long help waits for the runtime bundles started after the prompt (their commands, e.g. mb:search). */
    private static final Duration DEFERRED_WAIT = Duration.ofSeconds(60);

    private final CommandHelp commands;
    private final RuntimeStages stages;

    @Activate
    public HelpCommand(BundleContext context,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) RuntimeStages stages) {
        this.commands = new CommandHelp(context);
        this.stages = stages;
    }

    /**
     * The commands there are, once the runtime bundles started after the prompt are up: right after the start,
     * {@code help mb:create} must not answer that the command does not exist.
     */
    private Map<String, CommandHelp.Entry> allCommands() {
        if (stages != null && !stages.isStarted()) {
            stages.awaitStarted(DEFERRED_WAIT);
        }
        return commands.commands();
    }

    @Descriptor("list the shell's commands: MilkBottle's with what they do, then the others by scope")
    public String help() {
        Map<String, CommandHelp.Entry> all = allCommands();
        StringBuilder out = new StringBuilder("MilkBottle commands (plain names work too: 'list' is mb:list):\n");
        all.values().stream().filter(e -> e.scope().equals("mb")).forEach(e -> out.append(String.format(
                "  %-22s %s%n", e.name(), shorten(CommandHelp.summary(e)))));
        Map<String, List<String>> others = all.values().stream().filter(e -> !e.scope().equals("mb"))
                .collect(Collectors.groupingBy(CommandHelp.Entry::scope, TreeMap::new,
                        Collectors.mapping(CommandHelp.Entry::function, Collectors.toList())));
        out.append("Other commands:\n");
        others.forEach((scope, functions) -> out.append("  ").append(scope).append(": ")
                .append(String.join(", ", functions)).append('\n'));
        return out.append("help COMMAND shows how to use one.\n").toString();
    }

    @Descriptor("show how to use one command: its arguments and flags")
    public Object help(CommandSession session, @Descriptor("the command, e.g. repo-add or mb:repo-add") String name)
            throws Exception {
        Map<String, CommandHelp.Entry> all = allCommands();
        List<CommandHelp.Entry> matches = new ArrayList<>();
        for (CommandHelp.Entry entry : all.values()) {
            if (entry.name().equals(name) || (!name.contains(":") && entry.function().equals(name))) {
                matches.add(entry);
            }
        }
        if (matches.stream().anyMatch(e -> e.scope().equals("mb"))) {
            matches.removeIf(e -> !e.scope().equals("mb")); // a plain name runs MilkBottle's command first
        }
        if (matches.isEmpty()) {
            return "There is no command '" + name + "'. 'help' lists them.\n";
        }
        if (matches.stream().allMatch(e -> !e.scope().equals("mb"))) {
            // Gogo's own help describes the other scopes' commands well
            String gogoHelp = all.values().stream().filter(e -> e.function().equals("help") && !e.scope().equals("mb"))
                    .map(CommandHelp.Entry::name).findFirst().orElse(null);
            if (gogoHelp != null) {
                return session.execute(gogoHelp + " " + matches.get(0).name());
            }
        }
        StringBuilder out = new StringBuilder();
        for (CommandHelp.Entry entry : matches) {
            CommandHelp.usage(entry).forEach(line -> out.append(line).append('\n'));
        }
        return out.toString();
    }

    private static String shorten(String text) {
        return text.length() <= 90 ? text : text.substring(0, 87) + "...";
    }
}
