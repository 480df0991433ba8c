import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * mb:dev: from a plugin's jar being written into its project's target/ folder to the new version installed and
 * ACTIVE. A runtime (commands on its standard input) makes a project with mb:create, Maven builds it once, mb:dev
 * watches it; then UPDATES new versions of the jar (the built one with another Bundle-Version, so new content) are
 * written in place, as Maven's jar plugin does, one every 700 ms. mb:dev measures each update from the jar's
 * modification time to ACTIVE and prints the median; this prints its report.
 *
 * Usage: java bench/DevBench.java [launcher.jar] [updates]
 */
public class DevBench {

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of(args.length > 0 ? args[0] : "launcher/target/milkbottle.jar").toAbsolutePath();
        int updates = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path work = Files.createTempDirectory("mb-bench-dev");
        Path project = work.resolve("project");
        Process runtime = new ProcessBuilder(java, "-Dorg.osgi.service.http.port=0", "-jar", launcher.toString())
                .directory(work.toFile()).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(runtime.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("bench: " + e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        OutputStream in = runtime.getOutputStream();
        try {
            send(in, "mb:create org.bench.dev --template command --dir " + project);
            await(lines, "Created org.bench.dev");
            Process maven = new ProcessBuilder("mvn", "-o", "-q", "-B", "verify").directory(project.toFile())
                    .redirectErrorStream(true).start();
            String built = new String(maven.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (maven.waitFor() != 0) {
                throw new IllegalStateException("mvn verify failed:\n" + built);
            }
            Path jar = project.resolve("target/org.bench.dev.jar");
            byte[] original = Files.readAllBytes(jar);
            send(in, "mb:dev " + project);
            await(lines, "Watching " + project);
            Thread.sleep(1500); // the built jar is taken up first
            for (int i = 1; i <= updates; i++) {
                Files.write(jar, withVersion(original, "0.1.0.bench" + String.format("%03d", i)));
                Thread.sleep(700);
            }
            send(in, "mb:dev");
            String median = await(lines, "jar written -> installed: median");
            System.out.printf("mb:dev, %d updates written into target/ one every 700 ms, %s%n", updates,
                    median.trim().replace("jar written -> installed: ", "from the jar's write to ACTIVE: "));
        } finally {
            in.close();
            if (!runtime.waitFor(60, TimeUnit.SECONDS)) {
                runtime.destroyForcibly();
            }
        }
    }

    static void send(OutputStream in, String command) throws IOException {
        in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    static String await(BlockingQueue<String> lines, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                seen.append(line).append('\n');
                if (line.contains(expected)) {
                    return line;
                }
            }
        }
        throw new IllegalStateException("never saw '" + expected + "'; the runtime said:\n" + seen);
    }

    /** The jar with another Bundle-Version in its manifest: new content for the runtime, the same code. */
    static byte[] withVersion(byte[] jar, String version) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarInputStream source = new JarInputStream(new java.io.ByteArrayInputStream(jar))) {
            Manifest manifest = new Manifest(source.getManifest());
            manifest.getMainAttributes().putValue("Bundle-Version", version);
            try (JarOutputStream target = new JarOutputStream(bytes, manifest)) {
                for (JarEntry entry = source.getNextJarEntry(); entry != null; entry = source.getNextJarEntry()) {
                    target.putNextEntry(new JarEntry(entry.getName()));
                    source.transferTo(target);
                }
            }
        }
        return bytes.toByteArray();
    }
}
