package org.milkbottle.itests.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.milkbottle.itests.TestBundles;

/**
 * The hostile bundles, built the way an attacker would: an act of this package as activator, its marker
 * helper, and the imports it needs; where javac cannot express the hiding place, class bytes from
 * {@link PayloadClasses} put there by hand.
 */
public final class HostileJars {

    private static final String PAYLOAD_CLASS = PayloadClasses.PAYLOAD + ".class";

    private HostileJars() {
    }

    /** A library: no MilkBottle header at all, so nothing declared. */
    public static TestBundles library(String name, Class<?> act, String... imports) {
        return withAct(TestBundles.library(name, "1.0.0"), act, imports);
    }

    /** A plugin that declares only {@code file-write} (what its marker needs) and hides what else it does. */
    public static TestBundles plugin(String name, Class<?> act, String... imports) {
        return withAct(TestBundles.plugin(name, "1.0.0"), act, imports).header("MilkBottle-Permissions",
                "file-write");
    }

    private static TestBundles withAct(TestBundles bundle, Class<?> act, String... imports) {
        bundle.activator(act).addClass(Marks.class);
        for (Class<?> nested : act.getDeclaredClasses()) {
            bundle.addClass(nested);
        }
        for (String pkg : imports) {
            bundle.importPackage(pkg);
        }
        return bundle;
    }

    /** A harmless plugin that only leaves its marker: the second stage a first stage plants. */
    public static byte[] secondStage() {
        try {
            return TestBundles.plugin("stage2", "1.0.0").activator(LeavesMark.class).addClass(Marks.class)
                    .header("MilkBottle-Permissions", "file-write").bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Carries {@link #secondStage()} as {@code stage2.jar} and installs it with {@code act}. */
    public static TestBundles planter(String name, Class<?> act) {
        return plugin(name, act).resource("stage2.jar", secondStage());
    }

    /** The hostile Payload under META-INF/hidden/, which the Bundle-ClassPath makes a class folder. */
    public static TestBundles hiddenUnderMetaInf(String name) {
        // Felix takes a class path entry for a folder only if the jar has an entry for the folder itself
        return plugin(name, RunsPayload.class).header("Bundle-ClassPath", ".,META-INF/hidden")
                .resource("META-INF/hidden/", new byte[0])
                .resource("META-INF/hidden/" + PAYLOAD_CLASS, PayloadClasses.hostilePayload());
    }

    /** The harmless Payload at the root, the hostile one as the Java 11+ version of a multi-release jar. */
    public static TestBundles multiRelease(String name) {
        return plugin(name, RunsPayload.class).addClass(Payload.class).header("Multi-Release", "true")
                .resource("META-INF/versions/11/" + PAYLOAD_CLASS, PayloadClasses.hostilePayload());
    }

    /** The hostile Payload as the bytes of {@code assets/logo.png}, defined by the act's own loader. */
    public static TestBundles pictureClass(String name) {
        return plugin(name, LoadsDisguisedClass.class).resource("assets/logo.png", PayloadClasses.hostilePayload());
    }

    /**
     * A jar named {@code assets/logo.png} holding the hostile Payload. Felix puts only entries named *.jar on
     * the class path, so nothing loads it here: what counts is that the scan looks inside by content.
     */
    public static TestBundles pictureJar(String name) {
        return plugin(name, LeavesMark.class).resource("assets/logo.png",
                jar(Map.of(PAYLOAD_CLASS, PayloadClasses.hostilePayload())));
    }

    /** {@code lib/inner.jar} on the Bundle-ClassPath, holding the hostile Payload. */
    public static TestBundles nestedJar(String name) {
        return plugin(name, RunsPayload.class).header("Bundle-ClassPath", ".,lib/inner.jar")
                .resource("lib/inner.jar", jar(Map.of(PAYLOAD_CLASS, PayloadClasses.hostilePayload())));
    }

    /** {@code lib/inner.jar} on the Bundle-ClassPath holding {@code deep/deep.jar} holding the hostile Payload. */
    public static TestBundles jarInNestedJar(String name) {
        byte[] deep = jar(Map.of(PAYLOAD_CLASS, PayloadClasses.hostilePayload()));
        return plugin(name, RunsPayload.class).addClass(Payload.class).header("Bundle-ClassPath", ".,lib/inner.jar")
                .resource("lib/inner.jar", jar(Map.of("deep/deep.jar", deep)));
    }

    /** A plain jar of these entries. */
    public static byte[] jar(Map<String, byte[]> entries) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(buffer)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }
}
