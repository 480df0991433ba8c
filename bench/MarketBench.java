import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Marketplace figures on loopback, with the exported launcher:
 * 0. publishing 5,000 plugins, twice (5,011 then 10,011 in the store): the jars are built before the clock starts,
 *    two client threads upload them over kept-alive connections;
 * 1. mb:install of a plugin with 10 transitive dependencies from a marketplace of 5,011 resources
 *    (a second runtime adds the marketplace and installs by name);
 * 2. search latency (client and server side, from the Server-Timing header) and throughput with
 *    10,000 plugins in the store.
 *
 * Run: bench/market.sh
 */
public class MarketBench {

    static final String[] WORDS = {"pdf", "image", "convert", "http", "json", "csv", "report", "chart", "mail", "sync",
        "backup", "log", "metrics", "cache", "queue", "search", "index", "auth", "token", "crypto", "zip", "xml",
        "yaml", "sql", "graph", "text", "audio", "video", "shell", "git"};

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static Path launcher;
    static int port;

    public static void main(String[] args) throws Exception {
        launcher = Path.of(args[0]).toAbsolutePath();
        Path work = Files.createTempDirectory("milkbottle-market-bench");
        port = freePort();
        Path server = Files.createDirectories(work.resolve("server"));
        String token = oneShot(server, port, "mb:market token bench").lines().filter(l -> l.startsWith("mbt_"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no token"));
        // -Dbench.server.jvm="-XX:StartFlightRecording=filename=/tmp/server.jfr" profiles the marketplace node
        List<String> nodeCommand = java(port, "--headless");
        String serverJvm = System.getProperty("bench.server.jvm", "");
        if (!serverJvm.isBlank()) {
            nodeCommand.addAll(1, List.of(serverJvm.trim().split("\\s+")));
        }
        Process node = new ProcessBuilder(nodeCommand).directory(server.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("server.log").toFile()).start();
        try {
            awaitUp();
            System.out.printf("marketplace benchmark, Java %s, loopback port %d%n", Runtime.version(), port);

            // -Dbench.only=publish measures the publish rate alone (two rounds of 5,000)
            boolean publishOnly = "publish".equals(System.getProperty("bench.only"));
            publishChain(token);
            publishMany(token, 0, 5000);
            if (!publishOnly) {
                installBench(work);
            }
            publishMany(token, 5000, 10000);
            if (!publishOnly) {
                searchBench();
            }
        } finally {
            node.destroy();
            node.waitFor(30, TimeUnit.SECONDS);
        }
    }

    static void installBench(Path work) throws Exception {
        String url = "http://127.0.0.1:" + port + "/repository/";
        List<Long> withInstall = new ArrayList<>();
        List<Long> without = new ArrayList<>();
        String last = "";
        for (int round = 0; round < 3; round++) {
            Path a = Files.createDirectories(work.resolve("client-a" + round));
            Path b = Files.createDirectories(work.resolve("client-b" + round));
            long s0 = System.nanoTime();
            oneShot(b, freePort(), "mb:repo-add m " + url + "; mb:list");
            long s1 = System.nanoTime();
            last = oneShot(a, freePort(), "mb:repo-add m " + url + "; mb:install bench.app");
            long s2 = System.nanoTime();
            without.add((s1 - s0) / 1_000_000);
            withInstall.add((s2 - s1) / 1_000_000);
            if (!last.contains("Installed") || !last.contains("bench.lib10")) {
                throw new IllegalStateException("install failed:\n" + last);
            }
        }
        Collections.sort(withInstall);
        Collections.sort(without);
        // the plugin manager no longer prints its resolve time (no service prints to System.out); the install's
        // share is the difference between the two one-shot runs below (per-phase timings: the perf bundle)
        System.out.println("mb:install bench.app (10 transitive dependencies) from a marketplace of 5,011 resources:");
        System.out.printf("  one-shot runtime, repo-add + install: median %d ms; repo-add + list: median %d ms;"
                + " install share: %d ms%n", withInstall.get(1), without.get(1), withInstall.get(1) - without.get(1));
    }

    static void searchBench() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            search(query(random));
        }
        List<Double> client = new ArrayList<>();
        List<Double> server = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = search(query(random));
            client.add((System.nanoTime() - start) / 1e6);
            server.add(Double.parseDouble(response.headers().firstValue("Server-Timing").orElseThrow()
                    .replaceAll(".*dur=", "")));
        }
        Collections.sort(client);
        Collections.sort(server);
        System.out.printf("search with 10,000 plugins, 2,000 queries (words, tags, sorts, pages), one client:%n");
        System.out.printf("  server side: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", pct(server, 50), pct(server, 99),
                server.get(server.size() - 1));
        System.out.printf("  client side: p50 %.2f ms, p99 %.2f ms%n", pct(client, 50), pct(client, 99));
        // 1 and 4 threads over the usual questions (mostly answered from the per-revision cache of rendered answers),
        // then 4 threads where nearly every question is new (page numbers up to 400: far more distinct queries than
        // the cache keeps), which measures the search itself
        for (int threads : new int[] {1, 4, -4}) {
            boolean fresh = threads < 0;
            threads = Math.abs(threads);
            AtomicLong done = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long end = System.nanoTime() + 10_000_000_000L;
            List<Future<List<Double>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Random own = new Random(t);
                // each thread keeps one HTTP/1.1 connection open (keep-alive) and times every answer; a plain socket
                // client, so that on 2 shared cores the load generator takes as little CPU from the server as it can
                futures.add(pool.submit(() -> {
                    List<Double> latencies = new ArrayList<>();
                    try (KeepAliveClient connection = new KeepAliveClient(port)) {
                        while (System.nanoTime() < end) {
                            long s0 = System.nanoTime();
                            connection.get("/api/plugins?" + (fresh ? "q=" + WORDS[own.nextInt(WORDS.length)]
                                    + "&page=" + (1 + own.nextInt(400)) : query(own)));
                            latencies.add((System.nanoTime() - s0) / 1e6);
                            done.incrementAndGet();
                        }
                    }
                    return latencies;
                }));
            }
            List<Double> all = new ArrayList<>();
            for (Future<List<Double>> future : futures) {
                all.addAll(future.get());
            }
            pool.shutdown();
            Collections.sort(all);
            System.out.printf("  throughput, %d keep-alive client thread(s)%s, 10 s: %.0f searches/s; latency p50 %.2f ms,"
                    + " p99 %.2f ms%n", threads, fresh ? ", nearly every query new" : "", done.get() / 10.0, pct(all, 50),
                    pct(all, 99));
        }
    }

    /** A minimal HTTP/1.1 client over one kept-alive socket: GET, status 200 expected, body by Content-Length. */
    static final class KeepAliveClient implements AutoCloseable {
        private final java.net.Socket socket;
        private final java.io.BufferedInputStream in;
        private final OutputStream out;

        KeepAliveClient(int port) throws IOException {
            socket = new java.net.Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = new java.io.BufferedOutputStream(socket.getOutputStream());
        }

        byte[] get(String path) throws IOException {
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = line();
            if (!status.startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException(path + ": " + status);
            }
            return body();
        }

        /** POSTs a jar as a publisher (bearer token); the marketplace must answer 201 Created. */
        void post(String path, String token, byte[] body) throws IOException {
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/java-archive\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String status = line();
            byte[] answer = body();
            if (!status.startsWith("HTTP/1.1 201")) {
                throw new IllegalStateException("publish: " + status + " " + new String(answer, StandardCharsets.UTF_8));
            }
        }

        /** Reads the headers and then the body, whether sized by Content-Length or sent in chunks. */
        private byte[] body() throws IOException {
            int length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(header.substring(15).trim());
                } else if (header.regionMatches(true, 0, "Transfer-Encoding:", 0, 18)
                        && header.toLowerCase().contains("chunked")) {
                    chunked = true;
                }
            }
            if (!chunked) {
                return length < 0 ? new byte[0] : in.readNBytes(length);
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            line();
            return body.toByteArray();
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    static String query(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "q=" + WORDS[random.nextInt(WORDS.length)];
            case 1 -> "q=" + WORDS[random.nextInt(WORDS.length)] + "+" + WORDS[random.nextInt(WORDS.length)]
                    + "&sort=rating";
            case 2 -> "tag=" + WORDS[random.nextInt(WORDS.length)] + "&page=" + (1 + random.nextInt(5));
            default -> "sort=updated&runtime=1.0.0&pageSize=50";
        };
    }

    static HttpResponse<String> search(String query) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/plugins?" + query)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response;
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }

    /** bench.app needs bench.lib1, which needs bench.lib2, …, bench.lib10. */
    static void publishChain(String token) throws Exception {
        for (int i = 10; i >= 1; i--) {
            Manifest manifest = base("bench.lib" + i, "1.0.0");
            manifest.getMainAttributes().putValue("Export-Package", "bench.lib" + i + ";version=1.0.0");
            if (i < 10) {
                manifest.getMainAttributes().putValue("Import-Package", "bench.lib" + (i + 1) + ";version=\"[1,2)\"");
            }
            publish(token, jar(manifest));
        }
        Manifest app = plugin("bench.app", "1.0.0", "the benchmark's app");
        app.getMainAttributes().putValue("Import-Package", "bench.lib1;version=\"[1,2)\"");
        publish(token, jar(app));
    }

    /**
     * Publishes plugins bench.p{from} … bench.p{to - 1}: the jars are built first, outside the measured time (making
     * them is the client's work, not the marketplace's), then two client threads upload them, each over one kept-alive
     * connection.
     */
    static void publishMany(String token, int from, int to) throws Exception {
        List<byte[]> jars = new ArrayList<>();
        for (int n = from; n < to; n++) {
            Random random = new Random(n);
            String description = "Plugin " + n + " for " + WORDS[random.nextInt(WORDS.length)] + " and "
                    + WORDS[random.nextInt(WORDS.length)] + " work";
            Manifest manifest = plugin("bench.p" + n, "1." + random.nextInt(5) + ".0", description);
            manifest.getMainAttributes().putValue("MilkBottle-Tags", WORDS[random.nextInt(WORDS.length)] + ", "
                    + WORDS[random.nextInt(WORDS.length)]);
            jars.add(jar(manifest));
        }
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int first = t;
            futures.add(pool.submit(() -> {
                try (KeepAliveClient connection = new KeepAliveClient(port)) {
                    for (int i = first; i < jars.size(); i += 2) {
                        connection.post("/api/plugins", token, jars.get(i));
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        System.out.printf("published %,d plugins (%,d to %,d in the store) in %.1f s%n", to - from, from + 11,
                to + 11, (System.nanoTime() - t0) / 1e9);
    }

    static Manifest base(String name, String version) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", name);
        main.putValue("Bundle-Version", version);
        main.putValue("Bundle-Name", name);
        return manifest;
    }

    static Manifest plugin(String name, String version, String description) {
        Manifest manifest = base(name, version);
        Attributes main = manifest.getMainAttributes();
        main.putValue("Bundle-Description", description);
        main.putValue("Bundle-Vendor", "Bench Inc");
        main.putValue("Bundle-ContactAddress", "bench@example.org");
        main.putValue("Bundle-License", "Apache-2.0");
        main.putValue("Require-Capability",
                "milkbottle.runtime;filter:=\"(&(milkbottle.runtime=milkbottle)(version>=1.0)(!(version>=2.0)))\"");
        return manifest;
    }

    static byte[] jar(Manifest manifest) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.closeEntry();
        }
        return out.toByteArray();
    }

    static void publish(String token, byte[] jar) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/plugins")).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(jar)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("publish: " + response.statusCode() + " " + response.body());
        }
    }

    static List<String> java(int port, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dorg.osgi.service.http.port=" + port, "-jar", launcher.toString()));
        command.addAll(List.of(args));
        return command;
    }

    static String oneShot(Path dir, int port, String commands) throws Exception {
        Process process = new ProcessBuilder(java(port, "-c", commands)).directory(dir.toFile())
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("'" + commands + "' failed:\n" + out);
        }
        return out;
    }

    static void awaitUp() throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                search("q=x");
                return;
            } catch (IOException | IllegalStateException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the marketplace did not come up");
    }

    static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
