package org.milkbottle.sdk.internal.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.milkbottle.sdk.api.SdkException;

class ProjectNamesTest {

    @Test
    void namesAreDerivedFromThePluginName() throws SdkException {
        ProjectNames names = ProjectNames.of("org.acme.my-notes", Optional.empty());
        assertThat(names.groupId()).isEqualTo("org.acme");
        assertThat(names.javaPackage()).isEqualTo("org.acme.my_notes");
        assertThat(names.scope()).isEqualTo("mynotes");
        assertThat(names.simple()).isEqualTo("MyNotes");
        assertThat(names.title()).isEqualTo("My Notes");
        assertThat(names.vendor()).isEqualTo("org.acme");
        assertThat(names.contact()).isEqualTo("plugins@acme.org");

        ProjectNames single = ProjectNames.of("notes", Optional.of("com.example.notes"));
        assertThat(single.groupId()).isEqualTo("notes");
        assertThat(single.javaPackage()).isEqualTo("com.example.notes");
        assertThat(single.contact()).isEqualTo("plugins@example.org");
    }

    @Test
    void badNamesAreRefusedWithWhatToDo() {
        assertThatThrownBy(() -> ProjectNames.of(" ", Optional.empty())).hasMessageContaining("Give the plugin a name");
        for (String bad : new String[] {"org..acme", "org.acme notes", "org/acme", ".org", "org.acme.", "a".repeat(201)}) {
            assertThatThrownBy(() -> ProjectNames.of(bad, Optional.empty())).isInstanceOf(SdkException.class)
                    .hasMessageContaining("is not a valid plugin name").hasMessageContaining("e.g. org.acme.notes");
        }
        assertThatThrownBy(() -> ProjectNames.of("org.acme.9lives", Optional.of("org.acme.lives")))
                .hasMessageContaining("must start with a letter");
        assertThatThrownBy(() -> ProjectNames.of("org.acme.-", Optional.empty()))
                .hasMessageContaining("must start with a letter");
    }

    @Test
    void aNameThatIsNoJavaPackageNeedsOneAndABadPackageIsRefused() {
        assertThatThrownBy(() -> ProjectNames.of("org.acme.new", Optional.empty()))
                .hasMessageContaining("cannot be the Java package").hasMessageContaining("--package");
        assertThatThrownBy(() -> ProjectNames.of("org.9acme.notes", Optional.empty()))
                .hasMessageContaining("cannot be the Java package");
        for (String bad : new String[] {"1abc", "org.acme.class", "org acme", "java.util.notes", "org.acme."}) {
            assertThatThrownBy(() -> ProjectNames.of("org.acme.notes", Optional.of(bad)))
                    .hasMessageContaining("is not a valid Java package name");
        }
    }
}
