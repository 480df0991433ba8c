package org.milkbottle.validation.api;

import java.util.List;

/**
 * The permissions a plugin can declare in {@code MilkBottle-Permissions}, and what each covers. The
 * bytecode scan maps API uses to these names.
 */
public final class Permissions {
    /** Starting processes: {@code Runtime.exec}, {@code ProcessBuilder}. */
    public static final String PROCESS = "process";
    /** Sockets, URL connections, HTTP clients. */
    public static final String NETWORK = "network";
    /** Writing, creating, moving or deleting files. */
    public static final String FILE_WRITE = "file-write";
    /** Deep reflection: {@code setAccessible}, {@code Class.forName} on computed names, method handles, {@code Unsafe}. */
    public static final String REFLECTION = "reflection";
    /** Defining classes: custom class loaders, {@code defineClass}. */
    public static final String CLASS_DEFINITION = "class-definition";
    /** Native code: {@code System.loadLibrary}, native methods, {@code Bundle-NativeCode}. */
    public static final String NATIVE = "native";
    /** The OSGi framework itself: hooks, the system bundle, other bundles' life cycle, permission admin. */
    public static final String FRAMEWORK = "framework";

    /** Every known permission. */
    public static final List<String> ALL = List.of(PROCESS, NETWORK, FILE_WRITE, REFLECTION, CLASS_DEFINITION,
            NATIVE, FRAMEWORK);

    private Permissions() {
    }
}
