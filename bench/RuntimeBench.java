import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Measures the exported runtime as a user meets it:
 *  1. start to shell-ready: from process start until the first result of a batch command is printed
 *     (the console runs commands only once every bundle has started), and the whole one-shot run;
 *  2. deploy-folder latency: from the moment a plugin jar is complete in the deploy folder (atomic
 *     rename) until the runtime reports it deployed, i.e. installed and ACTIVE.
 *
 * Run: java bench/RuntimeBench.java [launcher.jar] [plugin.jar] [startRuns] [deployRuns]
 */
public class RuntimeBench {

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of(args.length > 0 ? args[0] : "launcher/target/milkbottle.jar").toAbsolutePath();
        Path plugin = Path.of(args.length > 1 ? args[1] : "example-bundles/hello/target/hello.jar").toAbsolutePath();
        int startRuns = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int deployRuns = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        System.out.printf("MilkBottle runtime benchmark (%s, Java %s, %d cores)%n", launcher.getFileName(),
                Runtime.version(), Runtime.getRuntime().availableProcessors());

        startup(java, launcher, startRuns);
        deployLatency(java, launcher, plugin, deployRuns);
    }

    static void startup(String java, Path launcher, int runs) throws Exception {
        List<Double> ready = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        for (int i = 0; i < runs + 1; i++) {
            Path work = Files.createTempDirectory("mb-bench-start");
            long start = System.nanoTime();
            Process process = new ProcessBuilder(java, "-jar", launcher.toString(), "-c", "mb:list")
                    .directory(work.toFile()).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            double firstOutput = -1;
            while ((line = out.readLine()) != null) {
                if (firstOutput < 0 && line.contains("No plugins installed")) {
                    firstOutput = (System.nanoTime() - start) / 1e6;
                }
            }
            process.waitFor();
            double all = (System.nanoTime() - start) / 1e6;
            if (i > 0) { // the first run warms the disk cache
                ready.add(firstOutput);
                total.add(all);
            }
        }
        System.out.printf("start to shell-ready (ms, %d runs): median %.0f, min %.0f, max %.0f%n", runs,
                median(ready), Collections.min(ready), Collections.max(ready));
        System.out.printf("one-shot 'java -jar milkbottle.jar -c mb:list' incl. stop (ms): median %.0f%n",
                median(total));
    }

    static void deployLatency(String java, Path launcher, Path plugin, int runs) throws Exception {
        Path work = Files.createTempDirectory("mb-bench-deploy");
        Path deploy = Files.createDirectories(work.resolve("deploy"));
        Path staging = Files.createDirectories(work.resolve("staging"));
        Process process = new ProcessBuilder(java, "-jar", launcher.toString(), "--headless")
                .directory(work.toFile()).redirectErrorStream(true).start();
        BlockingQueue<long[]> deployed = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> read(process.getInputStream(), deployed));
        reader.setDaemon(true);
        reader.start();
        try {
            Thread.sleep(4000); // let the runtime come up
            List<Double> latencies = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                String name = "bench-" + i + ".jar";
                Path jar = renamed(plugin, "bench.plugin" + i, staging.resolve(name));
                long complete = System.nanoTime();
                Files.move(jar, deploy.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                long[] event = deployed.poll(30, TimeUnit.SECONDS);
                if (event == null) {
                    throw new IllegalStateException("plugin " + name + " was not deployed within 30 s");
                }
                latencies.add((event[0] - complete) / 1e6);
                Thread.sleep(200);
            }
            Collections.sort(latencies);
            System.out.printf("deploy folder, file complete -> ACTIVE (ms, %d plugins): median %.1f, p90 %.1f, min %.1f,"
                    + " max %.1f%n", runs, median(latencies), latencies.get((int) Math.ceil(runs * 0.9) - 1),
                    latencies.get(0), latencies.get(runs - 1));
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Reads the runtime's log, timestamping each "Deployed" line as it arrives. */
    static void read(InputStream in, BlockingQueue<long[]> deployed) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.contains("Deployed bench-")) {
                    deployed.add(new long[] {System.nanoTime()});
                } else if (line.contains("failed")) {
                    System.err.println("runtime: " + line);
                }
            }
        } catch (IOException e) {
            // process ended
        }
    }

    /** A copy of the plugin with another symbolic name, so each run installs a new plugin. */
    static Path renamed(Path jar, String symbolicName, Path target) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar));
                OutputStream file = Files.newOutputStream(target)) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
            try (JarOutputStream out = new JarOutputStream(file, manifest)) {
                JarEntry entry;
                while ((entry = in.getNextJarEntry()) != null) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
