import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A burst on the deploy folder: N different plugins (copies of the example plugin, each with its own symbolic name,
 * so each is new content) moved into the folder at once, into a running headless runtime. Prints the time until
 * the last one is deployed (installed and ACTIVE, as the runtime logs it) and each jar's latency from its move to its
 * "Deployed" line: p50, p99, max. Run twice in the same runtime; the first burst warms the JIT.
 *
 * Usage: java bench/BurstBench.java [launcher.jar] [plugin.jar] [jars]
 */
public class BurstBench {

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of(args.length > 0 ? args[0] : "launcher/target/milkbottle.jar").toAbsolutePath();
        Path plugin = Path.of(args.length > 1 ? args[1] : "example-bundles/hello/target/hello.jar").toAbsolutePath();
        int jars = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path work = Files.createTempDirectory("mb-bench-burst");
        Path deploy = Files.createDirectories(work.resolve("deploy"));
        Path staging = Files.createDirectories(work.resolve("staging"));
        Process process = new ProcessBuilder(java, "-Dorg.osgi.service.http.port=0", "-jar", launcher.toString(),
                "--headless").directory(work.toFile()).redirectErrorStream(true).start();
        Map<String, Long> deployed = new ConcurrentHashMap<>();
        Thread reader = new Thread(() -> read(process.getInputStream(), deployed));
        reader.setDaemon(true);
        reader.start();
        try {
            Thread.sleep(6000); // the runtime, its deferred bundles and the sampler are up
            for (String round : List.of("warm-up", "measured")) {
                List<Path> staged = new ArrayList<>();
                for (int i = 0; i < jars; i++) {
                    String name = "burst-" + round + "-" + i + ".jar";
                    staged.add(renamed(plugin, "bench." + round.replace("-", "") + i, staging.resolve(name)));
                }
                Map<String, Long> moved = new ConcurrentHashMap<>();
                long start = System.nanoTime();
                for (Path jar : staged) {
                    moved.put(jar.getFileName().toString(), System.nanoTime());
                    Files.move(jar, deploy.resolve(jar.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (!deployed.keySet().containsAll(moved.keySet())) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("not all deployed within 120 s: " + deployed.size());
                    }
                    Thread.sleep(5);
                }
                long last = moved.keySet().stream().mapToLong(deployed::get).max().orElseThrow();
                List<Double> latencies = new ArrayList<>();
                moved.forEach((name, at) -> latencies.add((deployed.get(name) - at) / 1e6));
                Collections.sort(latencies);
                System.out.printf("deploy burst (%s): %d jars moved in at once, all ACTIVE after %.0f ms; per jar "
                        + "p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", round, jars, (last - start) / 1e6,
                        percentile(latencies, 0.5), percentile(latencies, 0.99), latencies.get(latencies.size() - 1));
            }
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    static double percentile(List<Double> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * p) - 1));
    }

    /** Timestamps each "Deployed NAME" line of the runtime's log as it arrives. */
    static void read(java.io.InputStream in, Map<String, Long> deployed) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                int at = line.indexOf("Deployed burst-");
                if (at >= 0) {
                    deployed.put(line.substring(at + "Deployed ".length()).trim(), System.nanoTime());
                } else if (line.contains("failed") || line.contains("ERROR")) {
                    System.err.println("runtime: " + line);
                }
            }
        } catch (IOException e) {
            // process ended
        }
    }

    /** A copy of the plugin with another symbolic name. */
    static Path renamed(Path jar, String symbolicName, Path target) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar));
                OutputStream file = Files.newOutputStream(target)) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
            try (JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return target;
    }
}
