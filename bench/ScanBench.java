import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.milkbottle.validation.api.ValidationReport;
import org.milkbottle.validation.api.Validator;
import org.milkbottle.validation.internal.StandaloneValidator;

/**
 * Validation throughput on one thread (= per core): all rules, including the ASM bytecode scan, over real
 * jars from the local Maven repository, side by side with the floor of merely inflating every class
 * file of the same jars in the same run. Ten rounds warm the JIT first: the figure is the steady state of a
 * running runtime, not the first validation after start.
 *
 * Run: bench/scan.sh
 */
public class ScanBench {

    public static void main(String[] args) throws Exception {
        List<Path> jars = new ArrayList<>();
        for (String arg : args) {
            Path jar = Path.of(arg);
            if (Files.isRegularFile(jar)) {
                jars.add(jar);
            }
        }
        long bytes = 0;
        for (Path jar : jars) {
            bytes += Files.size(jar);
        }
        Validator validator = StandaloneValidator.create();
        System.out.printf("validation scan benchmark: %d jars, %.1f MB, Java %s, 1 thread%n", jars.size(), bytes / 1e6,
                Runtime.version());
        for (int warm = 0; warm < 10; warm++) {
            scanAll(validator, jars);
            inflateAll(jars);
        }
        List<Double> scan = new ArrayList<>();
        List<Double> inflate = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            long t0 = System.nanoTime();
            scanAll(validator, jars);
            long t1 = System.nanoTime();
            inflateAll(jars);
            long t2 = System.nanoTime();
            scan.add(bytes / 1e6 / ((t1 - t0) / 1e9));
            inflate.add(bytes / 1e6 / ((t2 - t1) / 1e9));
        }
        Collections.sort(scan);
        Collections.sort(inflate);
        double scanMedian = scan.get(scan.size() / 2);
        double inflateMedian = inflate.get(inflate.size() / 2);
        System.out.printf("validate (all rules):          median %.0f MB/s of jar (min %.0f, max %.0f)%n", scanMedian,
                scan.get(0), scan.get(scan.size() - 1));
        System.out.printf("inflate class files only:      median %.0f MB/s of jar%n", inflateMedian);
        System.out.printf("validation costs %.1fx the time of just reading the classes%n", inflateMedian / scanMedian);
        for (Path jar : jars) {
            ValidationReport report = validator.validate(jar, jar.getFileName().toString());
            System.out.printf("  %-40s %8.1f KB  %s  uses %s%n", jar.getFileName(), Files.size(jar) / 1e3,
                    report.approved() ? "approved" : "refused ", report.usedPermissions());
        }
    }

    static void scanAll(Validator validator, List<Path> jars) {
        for (Path jar : jars) {
            validator.validate(jar, jar.toString());
        }
    }

    static void inflateAll(List<Path> jars) throws Exception {
        byte[] buffer = new byte[64 * 1024];
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    if (entry.getName().endsWith(".class")) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            while (in.read(buffer) > 0) {
                                // inflate only
                            }
                        }
                    }
                }
            }
        }
    }
}
