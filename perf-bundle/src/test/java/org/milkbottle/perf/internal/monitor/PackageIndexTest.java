package org.milkbottle.perf.internal.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class PackageIndexTest {

    private final PackageIndex index = new PackageIndex();

    @Test
    void classesMapToTheBundleOfTheirPackage() {
        index.put(7, Set.of("com.acme.hello", "com.acme.hello.internal"));

        assertThat(index.ownerOf("com.acme.hello.Greeter")).isEqualTo(7);
        assertThat(index.ownerOf("com.acme.hello.internal.Impl$Inner")).isEqualTo(7);
        assertThat(index.ownerOf("com.acme.hello.internal.Impl$$Lambda$41/0x0000000800c0b000")).isEqualTo(7);
        // A sub-package another bundle does not hold is not the bundle's.
        assertThat(index.ownerOf("com.acme.Other")).isEqualTo(PackageIndex.NO_BUNDLE);
        assertThat(index.ownerOf("java.lang.Thread")).isEqualTo(PackageIndex.NO_BUNDLE);
    }

    @Test
    void aSplitPackageIsDecidedByWhichBundleHoldsTheClassNewestFirstWhateverTheIndexingOrder() {
        // two plugins built from one source tree (and the test harness holding the same classes): what each runs
        // must be charged to it, not to whichever bundle was indexed last
        java.util.Map<Long, Set<String>> classes = java.util.Map.of(
                2L, Set.of("org.fixtures.Burner", "org.fixtures.Idle"), // the harness holds both
                10L, Set.of("org.fixtures.Burner"),
                11L, Set.of("org.fixtures.Idle"));
        PackageIndex probed = new PackageIndex((bundle, name) -> classes.get(bundle).contains(name));
        probed.put(11, Set.of("org.fixtures"));
        probed.put(10, Set.of("org.fixtures"));
        probed.put(2, Set.of("org.fixtures"));

        assertThat(probed.ownerOf("org.fixtures.Burner")).isEqualTo(10);
        assertThat(probed.ownerOf("org.fixtures.Idle")).isEqualTo(11);
        assertThat(probed.ownerOf("org.fixtures.Gone")).isEqualTo(PackageIndex.NO_BUNDLE); // nobody holds it
        assertThat(probed.ownerOf("org.fixtures.Burner$$Lambda$41/0x0000000800c0b000")).isEqualTo(10);

        probed.remove(10);
        assertThat(probed.ownerOf("org.fixtures.Burner")).isEqualTo(2);
    }

    @Test
    void aPluginWithOneClassInSomeoneElsesPackageIsNotChargedForTheRest() {
        // a plugin ships org.apache.felix.framework.Evil: the framework's own classes (on the class path, in no
        // bundle) must not become the plugin's
        PackageIndex probed = new PackageIndex((bundle, name) -> name.equals("org.apache.felix.framework.Evil"));
        probed.put(9, Set.of("org.apache.felix.framework"));

        assertThat(probed.ownerOf("org.apache.felix.framework.Evil")).isEqualTo(9);
        assertThat(probed.ownerOf("org.apache.felix.framework.Felix")).isEqualTo(PackageIndex.NO_BUNDLE);
    }

    @Test
    void splitPackageBelongsToTheBundleIndexedLastAndFallsBackWhenItGoes() {
        index.put(3, Set.of("org.split", "org.three"));
        index.put(5, Set.of("org.split"));

        assertThat(index.ownerOf("org.split.A")).isEqualTo(5);
        assertThat(index.ownerOf("org.three.A")).isEqualTo(3);

        index.put(3, Set.of("org.split", "org.three")); // resolved again: now the newest
        assertThat(index.ownerOf("org.split.A")).isEqualTo(3);

        index.remove(3);
        assertThat(index.ownerOf("org.split.A")).isEqualTo(5);
        assertThat(index.ownerOf("org.three.A")).isEqualTo(PackageIndex.NO_BUNDLE);
        assertThat(index.contains(3)).isFalse();
    }

    @Test
    void reindexingReplacesTheOldPackages() {
        index.put(4, Set.of("old.pkg"));
        index.put(4, Set.of("new.pkg"));

        assertThat(index.ownerOf("old.pkg.A")).isEqualTo(PackageIndex.NO_BUNDLE);
        assertThat(index.ownerOf("new.pkg.A")).isEqualTo(4);
    }

    @Test
    void removingAnUnknownBundleIsHarmless() {
        index.remove(99);
        assertThat(index.contains(99)).isFalse();
    }

    @Test
    void defaultPackageClassesMapToo() {
        index.put(9, Set.of(""));
        assertThat(index.ownerOf("TopLevel")).isEqualTo(9);
    }

    @Test
    void classFilePathsGiveTheirPackage() {
        assertThat(PackageIndex.packageOfResource("org/foo/Bar.class")).isEqualTo("org.foo");
        assertThat(PackageIndex.packageOfResource("/org/foo/Bar$1.class")).isEqualTo("org.foo");
        assertThat(PackageIndex.packageOfResource("Top.class")).isEmpty();
        assertThat(PackageIndex.packageOfResource("META-INF/versions/11/org/mr/X.class")).isEqualTo("org.mr");
        assertThat(PackageIndex.packageOfResource("module-info.class")).isNull();
        assertThat(PackageIndex.packageOfResource("META-INF/versions/9/module-info.class")).isNull();
        assertThat(PackageIndex.packageOfResource("OSGI-INF/x/Y.class")).isNull();
        assertThat(PackageIndex.packageOfResource("org/foo/readme.txt")).isNull();
    }

    @Test
    void classNamesGiveTheirPackage() {
        assertThat(PackageIndex.packageOfClass("a.b.C$D")).isEqualTo("a.b");
        assertThat(PackageIndex.packageOfClass("C")).isEmpty();
    }
}
