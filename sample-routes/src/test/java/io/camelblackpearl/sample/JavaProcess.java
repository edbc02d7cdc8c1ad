package io.camelblackpearl.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code java -jar} process as a user starts one: its own JVM, working directory, environment and
 * arguments, its output captured in a file. The environment starts from this JVM's minus every
 * {@code CAMEL_*} and {@code ESCALATION_*} variable, so only what a test sets reaches the process.
 */
final class JavaProcess implements AutoCloseable {

    private final Process process;
    private final Path output;

    private JavaProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static JavaProcess start(Path workDir, String name, List<String> jvmOptions, String jarProperty, List<String> args,
                             Map<String, String> environment) throws IOException {
        String jar = System.getProperty(jarProperty);
        assertThat(jar).as("system property %s (set by the build)", jarProperty).isNotNull();
        assertThat(Path.of(jar)).as("the packaged jar; run mvn verify from the root").exists();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar);
        command.addAll(args);
        Path output = workDir.resolve(name + ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("CAMEL_") || k.startsWith("ESCALATION_"));
        if (!environment.containsKey("CAMEL_SERVER_PORT")) {
            // the sample's health and metrics server: never the default 8080, which may be taken
            builder.environment().put("CAMEL_MANAGEMENT_PORT", Integer.toString(freePort()));
        }
        builder.environment().putAll(environment);
        return new JavaProcess(builder.start(), output);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits for the process to end by itself; fails the test (and kills it) if it does not in time. */
    int awaitExit(int seconds) throws Exception {
        boolean exited = process.waitFor(seconds, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(exited).as("%s ended by itself within %d s; output:%n%s", output.getFileName(), seconds, output()).isTrue();
        return process.exitValue();
    }

    /** Waits until the output has a line matching {@code regex} and returns its first group. */
    String awaitOutput(String regex, int seconds) throws Exception {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Matcher m = pattern.matcher(output());
            if (m.find()) {
                return m.groupCount() > 0 ? m.group(1) : m.group();
            }
            assertThat(process.isAlive()).as("process still running; output:%n%s", output()).isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("no output matching " + regex + " within " + seconds + " s:\n" + output());
    }

    String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    /** {@code kill -9}: no shutdown hook, nothing flushed, as when a node's machine dies. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
