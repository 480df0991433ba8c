package org.milkbottle.sdk.internal.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.milkbottle.sdk.api.DocsGenerator;
import org.milkbottle.sdk.api.SdkException;
import org.osgi.service.component.annotations.Component;

/** The {@link DocsGenerator}: facts read from the jar, pages written each through a temporary file. */
@Component
public class JarDocumenter implements DocsGenerator {

    @Override
    public List<Path> document(Path jar, Path folder, boolean html) throws SdkException {
        if (!Files.isRegularFile(jar)) {
            throw new SdkException(jar + " is not a file; give the plugin's jar, e.g. target/org.acme.notes.jar.");
        }
        PluginFacts facts;
        try {
            facts = JarFacts.read(jar);
        } catch (IOException e) {
            throw new SdkException("Could not read " + jar + ": " + e.getMessage() + ". Nothing was written.", e);
        }
        // the symbolic name names the files: only a plugin name, so that no manifest can steer them elsewhere
        if (!facts.symbolicName().matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*")) {
            throw new SdkException(jar + " has the Bundle-SymbolicName '" + facts.symbolicName() + "', which is not a "
                    + "plugin name. Nothing was written.");
        }
        Map<Path, String> pages = new LinkedHashMap<>();
        Path target = folder.toAbsolutePath().normalize();
        pages.put(target.resolve(facts.symbolicName() + ".md"), DocsWriter.markdown(facts));
        if (html) {
            pages.put(target.resolve(facts.symbolicName() + ".html"), DocsWriter.html(facts));
        }
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(target);
            for (Map.Entry<Path, String> page : pages.entrySet()) {
                Path temporary = Files.createTempFile(target, ".docs-", ".tmp");
                try {
                    Files.writeString(temporary, page.getValue(), StandardCharsets.UTF_8);
                    try {
                        // a temporary file is the owner's alone; a page is for everyone who reads the build output
                        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
                    } catch (UnsupportedOperationException e) {
                        // not a POSIX file system: its defaults apply
                    }
                    try {
                        Files.move(temporary, page.getKey(), StandardCopyOption.ATOMIC_MOVE,
                                StandardCopyOption.REPLACE_EXISTING);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(temporary, page.getKey(), StandardCopyOption.REPLACE_EXISTING);
                    }
                } finally {
                    Files.deleteIfExists(temporary);
                }
                written.add(page.getKey());
            }
        } catch (IOException e) {
            throw new SdkException("Could not write the documentation to " + target + ": " + e.getMessage()
                    + "; check that the folder can be written." + (written.isEmpty() ? " Nothing was written."
                    : " Written before that: " + written + "."), e);
        }
        return written;
    }
}
