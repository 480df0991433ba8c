package org.milkbottle.validation.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.milkbottle.validation.api.Finding;
import org.milkbottle.validation.api.Severity;
import org.milkbottle.validation.internal.rules.InMemoryArchive.Recorded;
import org.milkbottle.validation.internal.rules.fixtures.Benign;
import org.milkbottle.validation.internal.rules.fixtures.CallsThroughAnotherBundle;
import org.milkbottle.validation.internal.rules.fixtures.InstallsAuthenticator;
import org.milkbottle.validation.internal.rules.fixtures.JvmWide;
import org.milkbottle.validation.internal.rules.fixtures.MethodReferences;
import org.milkbottle.validation.internal.rules.fixtures.ReflectsByName;
import org.milkbottle.validation.internal.rules.fixtures.ThroughJdkSubclasses;
import org.junit.jupiter.api.Test;

/** Every route to a guarded act is reported with its permission and where it is; harmless code is not. */
class BytecodeScanRuleTest {

    private static final String REFS = MethodReferences.class.getName();

    @Test
    void methodReferencesAreReportedAtTheMethodThatMakesThem() {
        Recorded recorded = new InMemoryArchive().add(MethodReferences.class).scan();

        assertThat(recorded.uses).contains(
                "framework: System.exit in " + REFS + ".exit",
                "framework: Runtime.halt in " + REFS + ".halt",
                "process: ProcessBuilder.start in " + REFS + ".start",
                "reflection: AccessibleObject.setAccessible in " + REFS + ".open",
                "framework: BundleContext.installBundle in " + REFS + ".install",
                "framework: Bundle.stop in " + REFS + ".stop",
                "framework: Bundle.getBundleContext in " + REFS + ".contextOf");
    }

    @Test
    void aMethodHandleConstantIsAUse() {
        Recorded recorded = new InMemoryArchive()
                .entry("x/Handles.class", HostileClasses.exitHandleConstant("x/Handles")).scan();

        assertThat(recorded.uses).containsExactly("framework: Runtime.exit in x.Handles.run");
    }

    @Test
    void namesTheScanCanReadCountAsTheirTargetAndOthersNeedReflection() {
        String cls = ReflectsByName.class.getName();
        Recorded recorded = new InMemoryArchive().add(ReflectsByName.class).scan();

        assertThat(recorded.uses).contains(
                "framework: Runtime.exit (looked up by name) in " + cls,
                "reflection: Class.getMethod in " + cls + ".exitByName",
                "framework: java.lang.instrument.Instrumentation in " + cls + ".agentByName",
                "reflection: Class.forName (a reflective call whose target is computed at run time) in " + cls
                        + ".computed",
                "reflection: MethodHandles$Lookup.bind in " + cls + ".bound");
        assertThat(recorded.uses).filteredOn(u -> u.contains("forName")).hasSize(1);
    }

    @Test
    void jvmAndFrameworkWideActsAndAgentDescriptors() {
        String cls = JvmWide.class.getName();
        Recorded recorded = new InMemoryArchive().add(JvmWide.class).scan();

        assertThat(recorded.uses).contains(
                "framework: System.setSecurityManager in " + cls + ".dropSecurity",
                "framework: org.osgi.framework.startlevel.BundleStartLevel in " + cls + ".demote",
                "framework: java.lang.instrument.Instrumentation in " + cls + ".agentmain");
    }

    @Test
    void mletIsAClassLoaderAndAManagementBackdoor() {
        Recorded recorded = new InMemoryArchive().entry("x/Loads.class", HostileClasses.mlet("x/Loads")).scan();

        assertThat(recorded.uses).contains("class-definition: new MLet in x.Loads.run",
                "framework: javax.management.loading.MLet in x.Loads.run");
    }

    @Test
    void anInheritedStaticMethodIsResolvedThroughTheArchivesOwnClasses() {
        Recorded recorded = new InMemoryArchive().add(InstallsAuthenticator.class).scan();

        assertThat(recorded.uses).anyMatch(u -> u.startsWith("framework: Authenticator.setDefault (inherited")
                && u.endsWith(InstallsAuthenticator.class.getName()));
    }

    @Test
    void aStaticMethodCalledOnAJdkSubclassIsTheSuperclasssGuardedOne() {
        Recorded recorded = new InMemoryArchive().add(ThroughJdkSubclasses.class).scan();

        assertThat(recorded.uses).anyMatch(u -> u.startsWith("framework: URLConnection.setContentHandlerFactory "
                + "(inherited, called as JarURLConnection.setContentHandlerFactory)"));
        assertThat(recorded.uses).anyMatch(u -> u.startsWith("framework: Thread.setDefaultUncaughtExceptionHandler "
                + "(inherited, called as ForkJoinWorkerThread.setDefaultUncaughtExceptionHandler)"));
    }

    @Test
    void throughAnotherBundlesClassAMemberCountsOnlyIfItCanBeTheJdksOwn() {
        // only the caller is in the archive: the classes it calls through belong to "another bundle"
        Recorded recorded = new InMemoryArchive().add(CallsThroughAnotherBundle.class).scan();

        assertThat(recorded.uses).anyMatch(u -> u.startsWith("framework: Authenticator.setDefault (possibly "
                + "inherited, called as InstallsAuthenticator.setDefault)"));
        assertThat(recorded.uses).as("LibraryDocument.load(File) is not Runtime.load(String)")
                .noneMatch(u -> u.startsWith("native:"));
    }

    @Test
    void lambdasStringConcatenationOwnEntriesAndConstantClassNamesNeedNothing() {
        Recorded recorded = new InMemoryArchive().add(Benign.class).scan();

        assertThat(recorded.uses).isEmpty();
        assertThat(recorded.findings).isEmpty();
    }

    @Test
    void classesAreFoundUnderMetaInfUnderOtherNamesAndInNestedJars() {
        byte[] exits = HostileClasses.exitHandleConstant("x/Exits");
        byte[] inner = new InMemoryArchive().entry("x/Exits.class", exits).zip();
        byte[] innermost = new InMemoryArchive().entry("deep/x.jar", inner).zip();

        Recorded recorded = new InMemoryArchive()
                .entry("META-INF/foo/Exits.class", exits)
                .entry("assets/logo.png", exits)
                .entry("data/blob.dat", exits)
                .entry("lib/inner.jar", inner)
                .entry("lib/resources.bin", innermost)
                .scan();

        // once 'framework' is reported, later classes are not inflated past their pool: the class is named
        assertThat(recorded.uses).hasSize(5).allMatch(u -> u.startsWith("framework: Runtime.exit in x.Exits"));
        for (String path : new String[] {"META-INF/foo/Exits.class", "assets/logo.png", "data/blob.dat",
            "lib/inner.jar!/x/Exits.class", "lib/resources.bin!/deep/x.jar!/x/Exits.class"}) {
            assertThat(recorded.uses).anyMatch(u -> u.endsWith(" (" + path + ")"));
        }
        assertThat(recorded.findings).isEmpty();
    }

    @Test
    void aNestedJarThatShowsAStreamOneEntryAndTheClassLoaderAnotherIsRefused() {
        // the trial's attack: a streaming reader stops at fake central-directory bytes after readme.txt; the class
        // loader follows the real central directory to a class the stream never reaches
        byte[] exits = HostileClasses.exitHandleConstant("x/Exits");
        byte[] twoFaced = twoFacedZip("readme.txt", "just a readme\n".getBytes(StandardCharsets.UTF_8),
                "x/Exits.class", exits);

        Recorded recorded = new InMemoryArchive().entry("lib/inner.jar", twoFaced).scan();

        assertThat(recorded.findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("bytecode.nested-ambiguous");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.location()).isEqualTo("lib/inner.jar");
        });
    }

    @Test
    void aNestedJarWithOtherBytesUnderTheSameNameForEachReaderIsRefused() {
        byte[] harmless = new InMemoryArchive().add(Benign.class).zip();
        byte[] benignClass = InMemoryArchive.bytes(Benign.class);
        byte[] twoFaced = twoFacedZip("x/Exits.class", benignClass, "x/Exits.class",
                HostileClasses.exitHandleConstant("x/Exits"));

        Recorded recorded = new InMemoryArchive().entry("lib/inner.jar", twoFaced).entry("lib/ok.jar", harmless).scan();

        assertThat(recorded.findings).extracting(Finding::rule).containsExactly("bytecode.nested-ambiguous");
        assertThat(recorded.findings).extracting(Finding::location).containsExactly("lib/inner.jar");
    }

    /**
     * A zip whose local headers show {@code streamName} and then stop (bytes that look like a central directory
     * follow), while its real central directory lists only {@code directoryName}, stored further on.
     */
    private static byte[] twoFacedZip(String streamName, byte[] streamBytes, String directoryName,
            byte[] directoryBytes) {
        ByteBuffer zip = ByteBuffer.allocate(1024 + streamBytes.length + directoryBytes.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        localHeader(zip, streamName, streamBytes);
        zip.putInt(0x02014b50).put(new byte[60]);
        int hidden = zip.position();
        localHeader(zip, directoryName, directoryBytes);
        int directory = zip.position();
        byte[] name = directoryName.getBytes(StandardCharsets.UTF_8);
        zip.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0x21).putInt((int) crc(directoryBytes))
                .putInt(directoryBytes.length).putInt(directoryBytes.length).putShort((short) name.length)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0)
                .putInt(hidden).put(name);
        int directorySize = zip.position() - directory;
        zip.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) 1).putShort((short) 1)
                .putInt(directorySize).putInt(directory).putShort((short) 0);
        return Arrays.copyOf(zip.array(), zip.position());
    }

    private static void localHeader(ByteBuffer zip, String entry, byte[] bytes) {
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        zip.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                .putShort((short) 0x21).putInt((int) crc(bytes)).putInt(bytes.length).putInt(bytes.length)
                .putShort((short) name.length).putShort((short) 0).put(name).put(bytes);
    }

    private static long crc(byte[] bytes) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    @Test
    void aClassInAnEntryNamedLikeAFolderIsScannedAtTheTopAndNested() {
        // the JDK's ZipFile serves "x/Exits.class/" when asked for x/Exits.class, and Felix loads the class from it
        byte[] exits = HostileClasses.exitHandleConstant("x/Exits");
        byte[] inner = new InMemoryArchive().entry("x/Exits.class/", exits).zip();

        Recorded recorded = new InMemoryArchive().entry("x/Exits.class/", exits).entry("lib/inner.jar", inner)
                .entry("empty/", new byte[0]).scan();

        assertThat(recorded.uses).anyMatch(u -> u.startsWith("framework: Runtime.exit") && u.endsWith("(x/Exits.class/)"));
        assertThat(recorded.uses).anyMatch(u -> u.startsWith("framework: Runtime.exit")
                && u.endsWith("(lib/inner.jar!/x/Exits.class/)"));
        assertThat(recorded.findings).isEmpty();
    }

    @Test
    void archivesNestedTooDeepAreRefused() {
        byte[] level = new InMemoryArchive().entry("x/Exits.class", HostileClasses.exitHandleConstant("x/Exits")).zip();
        for (int i = 0; i < NestedArchives.MAX_DEPTH; i++) {
            level = new InMemoryArchive().entry("l" + i + ".jar", level).zip();
        }

        Recorded recorded = new InMemoryArchive().entry("lib/outer.jar", level).scan();

        assertThat(recorded.findings).extracting(Finding::rule).contains("bytecode.nested-too-deep");
    }

    @Test
    void aMachOBinaryIsNotAMalformedClassButABrokenClassFileIs() {
        Recorded binary = new InMemoryArchive()
                .entry("com/sun/jna/darwin-aarch64/libjnidispatch.jnilib", HostileClasses.machOUniversalBinary())
                .scan();
        assertThat(binary.findings).isEmpty();
        assertThat(binary.uses).isEmpty();

        byte[] cut = Arrays.copyOf(HostileClasses.exitHandleConstant("x/Cut"), 30);
        Recorded broken = new InMemoryArchive().entry("lib/inner.jar",
                new InMemoryArchive().entry("x/Cut.class", cut).zip()).scan();
        assertThat(broken.findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("bytecode.malformed");
            assertThat(f.location()).isEqualTo("lib/inner.jar!/x/Cut.class");
        });
    }
}
