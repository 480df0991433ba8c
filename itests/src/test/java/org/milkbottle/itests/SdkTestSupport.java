package org.milkbottle.itests;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/** What the SDK's tests do again and again: make a project, build it, check and install its jar, wait for answers. */
abstract class SdkTestSupport extends MilkBottleTestSupport {

    /**
     * {@code mb:create NAME OPTIONS --dir FOLDER}, built with Maven, validated with zero findings, installed ACTIVE.
     *
     * @return the plugin's jar
     */
    protected Path installedProject(String name, String createOptions, Path folder) throws Exception {
        shell("mb:create " + name + " " + createOptions + " --dir " + folder);
        Path jar = GeneratedProjects.build(folder, name);
        assertNoFindings(jar);
        String installed = shell("mb:install file:" + jar);
        assertTrue(installed, installed.contains(name) && installed.contains("ACTIVE"));
        return jar;
    }

    /** mb:validate -v shows every finding, informational ones too: a generated plugin has none. */
    protected void assertNoFindings(Path jar) throws Exception {
        String report = shell("mb:validate -v " + jar);
        assertTrue(report, report.contains(": APPROVED"));
        assertFalse(report, report.lines().anyMatch(l -> l.matches("  (ERROR|WARNING|INFO) .*")));
    }

    /** Waits until what a shell command prints contains {@code text}. */
    protected void awaitShellContains(String command, String text) throws InterruptedException {
        await(command + " prints " + text, () -> {
            try {
                return shell(command).contains(text);
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** Waits until {@code address} answers 200; returns "200 BODY". */
    protected static String awaitOk(URI address) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String[] answer = new String[1];
        await(address + " answers 200", () -> {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(address).build(),
                        HttpResponse.BodyHandlers.ofString());
                answer[0] = response.statusCode() + " " + response.body();
                return response.statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
        return answer[0];
    }
}
