package org.milkbottle.validation.internal.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The verb-noun names {@code mb:trust-list}, {@code mb:trust-add}, {@code mb:trust-remove},
 * {@code mb:trust-allow} and {@code mb:trust-revoke}. A Java method name cannot contain a dash, so Gogo
 * calls {@code _main} with the function name first; this only maps the words onto
 * {@link ValidationCommands}, where the commands and their help live.
 */
@Component(service = Object.class, property = {"osgi.command.scope=mb", "osgi.command.function=trust-list",
    "osgi.command.function=trust-add", "osgi.command.function=trust-remove", "osgi.command.function=trust-allow",
    "osgi.command.function=trust-revoke"})
public class TrustCommandNames {

    private final ValidationCommands commands;

    @Activate
    public TrustCommandNames(@Reference ValidationCommands commands) {
        this.commands = commands;
    }

    public String _main(Object... argv) {
        String function = String.valueOf(argv[0]);
        function = function.substring(function.indexOf(':') + 1);
        List<String> args = Arrays.stream(argv).skip(1).map(String::valueOf).toList();
        switch (function) {
            case "trust-list" -> {
                expect(args.isEmpty(), "mb:trust-list");
                return commands.trustList();
            }
            case "trust-add" -> {
                expect(args.size() == 1 || args.size() == 2, "mb:trust-add CERTFILE [ALIAS]");
                return commands.trustAdd(args.get(0), args.subList(1, args.size()).toArray(String[]::new));
            }
            case "trust-remove" -> {
                expect(args.size() == 1, "mb:trust-remove ALIAS");
                return commands.trustRemove(args.get(0));
            }
            case "trust-allow" -> {
                List<String> rest = new ArrayList<>(args);
                String reason = "";
                int flag = Math.max(rest.indexOf("--reason"), rest.indexOf("-r"));
                if (flag >= 0) {
                    expect(flag + 1 < rest.size(), "mb:trust-allow [--reason TEXT] SHA256");
                    reason = rest.remove(flag + 1);
                    rest.remove(flag);
                }
                expect(rest.size() == 1, "mb:trust-allow [--reason TEXT] SHA256");
                return commands.trustAllow(reason, rest.get(0));
            }
            case "trust-revoke" -> {
                expect(args.size() == 1, "mb:trust-revoke SHA256");
                return commands.trustRevoke(args.get(0));
            }
            default -> throw new IllegalArgumentException("Unknown command mb:" + function);
        }
    }

    private static void expect(boolean condition, String usage) {
        if (!condition) {
            throw new IllegalArgumentException("usage: " + usage);
        }
    }
}
