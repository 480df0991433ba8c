package org.milkbottle.validation.internal.command;

import java.util.Arrays;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code mb:trust ACTION ...}, the older form of the {@code mb:trust-*} commands, kept because operators and
 * scripts use it: each action is the dashed command of the same name. Being an ordinary method, it is also what
 * Gogo's {@code help} can describe, so its description names the whole family.
 */
@Component(service = TrustCommand.class)
@GogoCommand(scope = "mb", function = "trust")
public class TrustCommand {

    private static final String USAGE = "mb:trust-list, mb:trust-add CERTFILE [ALIAS], mb:trust-remove ALIAS, "
            + "mb:trust-allow [--reason TEXT] SHA256, mb:trust-revoke SHA256";

    private final TrustListCommand list;
    private final TrustAddCommand add;
    private final TrustRemoveCommand remove;
    private final TrustAllowCommand allow;
    private final TrustRevokeCommand revoke;

    @Activate
    public TrustCommand(@Reference TrustListCommand list, @Reference TrustAddCommand add,
            @Reference TrustRemoveCommand remove, @Reference TrustAllowCommand allow,
            @Reference TrustRevokeCommand revoke) {
        this.list = list;
        this.add = add;
        this.remove = remove;
        this.allow = allow;
        this.revoke = revoke;
    }

    @Descriptor("manage trust: " + USAGE + ". The older form 'mb:trust ACTION ARGS' (list, add CERTFILE [ALIAS], "
            + "remove ALIAS, allow SHA256 [REASON], revoke SHA256) does the same")
    public String trust(@Descriptor("list | add | remove | allow | revoke") String action,
            @Descriptor("the action's arguments") String... args) {
        switch (action) {
            case "list" -> {
                expect(args.length == 0, "mb:trust-list");
                return list.list();
            }
            case "add" -> {
                expect(args.length == 1 || args.length == 2, "mb:trust-add CERTFILE [ALIAS]");
                return add.add(args[0], args.length == 2 ? args[1] : null);
            }
            case "remove" -> {
                expect(args.length == 1, "mb:trust-remove ALIAS");
                return remove.remove(args[0]);
            }
            case "allow" -> {
                expect(args.length >= 1, "mb:trust-allow [--reason TEXT] SHA256");
                return allow.allow(args[0], String.join(" ", Arrays.copyOfRange(args, 1, args.length)));
            }
            case "revoke" -> {
                expect(args.length == 1, "mb:trust-revoke SHA256");
                return revoke.revoke(args[0]);
            }
            default -> throw new IllegalArgumentException("Unknown action '" + action + "'; use " + USAGE + ".");
        }
    }

    @Descriptor("list trusted publishers and allowed contents (as mb:trust-list)")
    public String trust() {
        return list.list();
    }

    private static void expect(boolean condition, String usage) {
        if (!condition) {
            throw new IllegalArgumentException("usage: " + usage);
        }
    }
}
