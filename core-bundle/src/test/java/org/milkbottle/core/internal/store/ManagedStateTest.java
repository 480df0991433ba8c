package org.milkbottle.core.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.api.BundleSnapshot;

class ManagedStateTest {

    @TempDir
    Path folder;

    @Test
    void aStartOrStopByHandIsWrittenToTheFileAndTheRestStaysAsItWas() {
        ManagedState state = new ManagedState(folder);
        BundleSnapshot hello = new BundleSnapshot("hello", "1.0.0", "a".repeat(64), true, "/x/hello.jar", "shell");
        BundleSnapshot other = new BundleSnapshot("other", "2.0.0", "b".repeat(64), true, "/x/other.jar", "deploy");
        state.replace(List.of(hello, other));

        state.recordStarted("hello", false);

        assertThat(new ManagedState(folder).all()).containsExactly(
                new BundleSnapshot("hello", "1.0.0", "a".repeat(64), false, "/x/hello.jar", "shell"), other);

        state.recordStarted("hello", true);
        state.recordStarted("unknown", false); // not MilkBottle's: nothing to record

        assertThat(new ManagedState(folder).all()).containsExactly(hello, other);
    }
}
