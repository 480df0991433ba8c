package org.milkbottle.sdk.internal.docs;

import org.apache.felix.service.command.Descriptor;

/** A command class as a plugin has one; its class file goes into the jars of {@link JarDocumenterTest}. */
public class DescribedCommands {

    @Descriptor("add an entry")
    public String add(@Descriptor("the entry's text") String text) {
        return text;
    }

    @Descriptor("list the entries")
    public String list() {
        return "";
    }

    @Descriptor("sign the jar")
    public String getPackage(@Descriptor("the keystore") String keystore) {
        return keystore;
    }

    public String notACommand() {
        return "";
    }
}
