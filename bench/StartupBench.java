import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Start-up of the MilkBottle runtime next to the floor: a bare Felix 7.0.5 + SCR + Gogo + FileInstall stack
 * started by Felix's own launcher, on the same JDK, runs interleaved. Each run is timed from the process start to
 * the first answer of a command written to its standard input at once (MilkBottle: {@code mb:list}; the floor:
 * {@code lb}), read with blocking reads (no polling process); resident memory is read from /proc right after.
 * First start (empty data folder) and restart are measured separately. Prints medians and ratios.
 *
 * Usage: java bench/StartupBench.java FLOOR_DIR RUNS MILKBOTTLE..., where each MILKBOTTLE is the start script
 * (launcher/target/milkbottle, as README starts the runtime) or the jar (started with java -jar); several are
 * measured interleaved, each against the same floor runs.
 */
public class StartupBench {

    /** How long after the first answer the second memory figure is taken. */
    static final long SETTLE_MILLIS = 5000;

    record Sample(double millis, long rssKb, long settledRssKb, long cpuMillis, long compilerMillis) {
    }

    public static void main(String[] args) throws Exception {
        Path floor = Path.of(args[0]).toAbsolutePath();
        int runs = Integer.parseInt(args[1]);
        List<Path> variants = new ArrayList<>();
        for (int v = 2; v < args.length; v++) {
            variants.add(Path.of(args[v]).toAbsolutePath());
        }
        Path work = Files.createTempDirectory("startup-bench");
        List<List<Sample>> mbFirst = new ArrayList<>(), mbRestart = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            mbFirst.add(new ArrayList<>());
            mbRestart.add(new ArrayList<>());
        }
        List<Sample> floorFirst = new ArrayList<>(), floorRestart = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < runs; i++) {
            Path floorDir = work.resolve("floor-" + i);
            copyTree(floor, floorDir);
            List<String> bare = List.of(java, "-jar", floorDir.resolve("bin/felix.jar").toString());
            // interleaved: first starts of all, then restarts of all
            List<List<String>> commands = new ArrayList<>();
            List<Path> dirs = new ArrayList<>();
            for (int v = 0; v < variants.size(); v++) {
                dirs.add(Files.createDirectories(work.resolve("mb-" + v + "-" + i)));
                commands.add(command(variants.get(v), 18300 + i * variants.size() + v, dirs.get(v)));
                mbFirst.get(v).add(run(commands.get(v), dirs.get(v), "mb:list", "No plugins installed", ""));
            }
            floorFirst.add(run(bare, floorDir, "lb", "System Bundle", "stop 0\n"));
            for (int v = 0; v < variants.size(); v++) {
                mbRestart.get(v).add(run(commands.get(v), dirs.get(v), "mb:list", "No plugins installed", ""));
            }
            floorRestart.add(run(bare, floorDir, "lb", "System Bundle", "stop 0\n"));
        }
        for (int v = 0; v < variants.size(); v++) {
            System.out.println(label(variants.get(v)) + ":");
            report("first start", mbFirst.get(v), floorFirst);
            report("restart", mbRestart.get(v), floorRestart);
        }
    }

    static String label(Path variant) {
        return variant.toString().endsWith(".jar") ? "java -jar " + variant : variant.toString();
    }

    /**
     * How a variant starts: a jar with {@code java -jar}, anything else is the start script, run with this JVM
     * (JAVA_HOME), the HTTP port through MILKBOTTLE_OPTS and {@code home} as MILKBOTTLE_HOME, with the JVM options of
     * its conf/milkbottle.conf. -Dbench.mb.jvm="OPTIONS" adds JVM options to both.
     */
    static List<String> command(Path milkbottle, int port, Path home) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> options = new ArrayList<>(List.of("-Dorg.osgi.service.http.port=" + port));
        for (String option : System.getProperty("bench.mb.jvm", "").split(" ")) {
            if (!option.isBlank()) {
                options.add(option);
            }
        }
        List<String> command = new ArrayList<>();
        if (milkbottle.toString().endsWith(".jar")) {
            command.add(java);
            command.addAll(options);
            command.addAll(List.of("-jar", milkbottle.toString()));
        } else {
            command.addAll(List.of("env", "JAVA_HOME=" + System.getProperty("java.home"), "MILKBOTTLE_HOME=" + home,
                    "MILKBOTTLE_OPTS=" + String.join(" ", options), milkbottle.toString()));
        }
        return command;
    }

    static Sample run(List<String> command, Path dir, String ask, String answer, String quit) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        OutputStream in = process.getOutputStream();
        in.write((ask + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        double millis = -1;
        long rss = -1;
        long settledRss = -1;
        long cpu = -1;
        long compiler = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.contains(answer)) {
                    millis = (System.nanoTime() - start) / 1e6;
                    rss = rssKb(process.pid());
                    cpu = cpuMillis(process.pid(), false);
                    compiler = cpuMillis(process.pid(), true);
                    break;
                }
            }
            // and once everything has started (MilkBottle starts its marketplace, web server and database after the
            // first prompt): resident memory a few seconds later, for both
            Thread.sleep(SETTLE_MILLIS);
            settledRss = rssKb(process.pid());
            in.write(quit.getBytes(StandardCharsets.UTF_8)); // MilkBottle ends at the end of its input
            in.close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroy();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } finally {
            process.destroyForcibly();
        }
        if (millis < 0) {
            throw new IllegalStateException(command + " never answered '" + ask + "'");
        }
        return new Sample(millis, rss, settledRss, cpu, compiler);
    }

    /**
     * CPU time the process's threads have used so far (user + system, from /proc/PID/task/TID/stat, in clock ticks
     * of 10 ms), all of them or only the JIT compiler threads ("C1 CompilerThre", "C2 CompilerThre").
     */
    static long cpuMillis(long pid, boolean compilersOnly) {
        long ticks = 0;
        java.io.File[] tasks = new java.io.File("/proc/" + pid + "/task").listFiles();
        for (java.io.File task : tasks == null ? new java.io.File[0] : tasks) {
            try {
                String stat = Files.readString(task.toPath().resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                if (!compilersOnly || name.contains("CompilerThre")) {
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                }
            } catch (IOException | RuntimeException e) {
                // the thread ended in between
            }
        }
        return ticks * 10;
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    static void report(String what, List<Sample> mb, List<Sample> floor) {
        double mbTime = median(mb.stream().map(Sample::millis).toList());
        double floorTime = median(floor.stream().map(Sample::millis).toList());
        double mbRss = median(mb.stream().map(s -> s.rssKb() / 1024.0).toList());
        double floorRss = median(floor.stream().map(s -> s.rssKb() / 1024.0).toList());
        double mbSettled = median(mb.stream().map(s -> s.settledRssKb() / 1024.0).toList());
        double floorSettled = median(floor.stream().map(s -> s.settledRssKb() / 1024.0).toList());
        System.out.printf("%-12s to first answer: MilkBottle median %.0f ms, floor %.0f ms, ratio %.2fx;"
                + " RSS at the answer MilkBottle %.0f MiB, floor %.0f MiB, ratio %.2fx; %d s later %.0f MiB vs %.0f MiB,"
                + " ratio %.2fx (%d runs each)%n", what, mbTime, floorTime, mbTime / floorTime, mbRss, floorRss,
                mbRss / floorRss, SETTLE_MILLIS / 1000, mbSettled, floorSettled, mbSettled / floorSettled, mb.size());
        System.out.printf("%-12s CPU used by the first answer: MilkBottle median %.0f ms (JIT compiler threads %.0f ms),"
                + " floor %.0f ms (JIT %.0f ms), ratio %.2fx%n", "", median(mb.stream().map(x -> (double) x.cpuMillis())
                .toList()), median(mb.stream().map(x -> (double) x.compilerMillis()).toList()),
                median(floor.stream().map(x -> (double) x.cpuMillis()).toList()),
                median(floor.stream().map(x -> (double) x.compilerMillis()).toList()),
                median(mb.stream().map(x -> (double) x.cpuMillis()).toList())
                        / median(floor.stream().map(x -> (double) x.cpuMillis()).toList()));
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
