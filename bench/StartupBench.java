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
 * Usage: java bench/StartupBench.java MILKBOTTLE_JAR FLOOR_DIR RUNS
 */
public class StartupBench {

    /** How long after the first answer the second memory figure is taken. */
    static final long SETTLE_MILLIS = 5000;

    record Sample(double millis, long rssKb, long settledRssKb) {
    }

    public static void main(String[] args) throws Exception {
        Path milkbottle = Path.of(args[0]).toAbsolutePath();
        Path floor = Path.of(args[1]).toAbsolutePath();
        int runs = Integer.parseInt(args[2]);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path work = Files.createTempDirectory("startup-bench");
        List<Sample> mbFirst = new ArrayList<>(), mbRestart = new ArrayList<>();
        List<Sample> floorFirst = new ArrayList<>(), floorRestart = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Path mbDir = Files.createDirectories(work.resolve("mb-" + i));
            Path floorDir = work.resolve("floor-" + i);
            copyTree(floor, floorDir);
            List<String> mb = List.of(java, "-Dorg.osgi.service.http.port=" + (18300 + i), "-jar", milkbottle.toString());
            List<String> bare = List.of(java, "-jar", floorDir.resolve("bin/felix.jar").toString());
            // interleaved: first starts of both, then restarts of both
            mbFirst.add(run(mb, mbDir, "mb:list", "No plugins installed", ""));
            floorFirst.add(run(bare, floorDir, "lb", "System Bundle", "stop 0\n"));
            mbRestart.add(run(mb, mbDir, "mb:list", "No plugins installed", ""));
            floorRestart.add(run(bare, floorDir, "lb", "System Bundle", "stop 0\n"));
        }
        report("first start", mbFirst, floorFirst);
        report("restart", mbRestart, floorRestart);
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
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.contains(answer)) {
                    millis = (System.nanoTime() - start) / 1e6;
                    rss = rssKb(process.pid());
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
        return new Sample(millis, rss, settledRss);
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
