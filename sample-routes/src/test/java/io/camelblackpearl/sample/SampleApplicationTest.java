package io.camelblackpearl.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The main job as a user runs it: the application in its own JVM, on the embedded simulator, with the
 * escalation route in Java DSL or YAML DSL, firing by Quartz and stopping by itself after max-runs.
 */
class SampleApplicationTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"java", "yaml"})
    void escalatesOnTheEmbeddedSimulatorAndStopsByItself(String dsl) throws Exception {
        Path audit = dir.resolve("audit.log");
        Path out = dir.resolve("out.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Descalation.audit-file=" + audit, "-cp",
                System.getProperty("java.class.path"), SampleApplication.class.getName())
                .redirectErrorStream(true).redirectOutput(out.toFile()).directory(dir.toFile());
        builder.environment().put("ESCALATION_DSL", dsl);
        builder.environment().put("ESCALATION_CRON", "0/1 * * * * ?");
        builder.environment().put("ESCALATION_MAX_RUNS", "2");
        builder.environment().remove("CAMEL_COMPONENT_BLACKPEARL_ENDPOINT");
        builder.environment().put("CAMEL_MANAGEMENT_PORT", Integer.toString(JavaProcess.freePort()));
        Process process = builder.start();
        boolean exited = process.waitFor(120, TimeUnit.SECONDS);
        String output = Files.readString(out, StandardCharsets.UTF_8);
        if (!exited) {
            process.destroyForcibly();
        }
        assertThat(exited).as("stops by itself; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        assertThat(output).contains("using the embedded BlackPearl simulator", "its time runs 600 times faster",
                "Stopping after 2 escalation runs");
        assertThat(output).containsPattern("Deadlines: \\d+ met, \\d+ missed, \\d+ not yet due \\(of \\d+ jobs with a deadline in their name\\)");
        List<String> runs = output.lines().filter(l -> l.startsWith("Escalation run at")).toList();
        assertThat(runs).hasSize(2);
        // The embedded appliance works through its 400 jobs ten simulated minutes a second, and new ones arrive.
        // The first run raises as many as a run may (100); on the time-scaled appliance some jobs finish between the
        // listing and their modify, more of them on a busy machine: those are vanished, never failed.
        Matcher first = Pattern.compile(
                ": [23]\\d\\d active jobs, (\\d+) applied, 0 planned, 0 failed, (\\d+) vanished, ").matcher(runs.get(0));
        assertThat(first.find()).as(runs.get(0)).isTrue();
        assertThat(Integer.parseInt(first.group(1)) + Integer.parseInt(first.group(2))).as(runs.get(0)).isEqualTo(100);
        assertThat(Integer.parseInt(first.group(1))).as(runs.get(0)).isGreaterThan(50);
        assertThat(output).contains("Job events: polled every 2s for CREATED,COMPLETED,CANCELED");
        assertThat(output).containsPattern("restore-\\d{5}\\s+(LOW|NORMAL)\\s+URGENT\\s+restores");
        List<String> lines = auditLines(audit);
        assertThat(lines).filteredOn(l -> l.contains(" job=")).isNotEmpty().allSatisfy(line -> assertThat(line)
                .matches(".*escalation job=\\S+ name=\"[^\"]*\" from=\\w+ to=\\w+ rule=\\S+ age=\\S+ "
                        + "(deadline=\\S+Z projected=\\S* slack=\\S* )?node=\\S+ fire=\\S+Z outcome=\\w+ reason=\".*\""));
        // Every run, also one where nothing was due, ends with a summary line: node and slot, no job.
        assertThat(lines).filteredOn(l -> l.contains("escalation run ")).hasSize(2).allSatisfy(line -> assertThat(line)
                .matches(".*escalation run node=\\S+ fire=\\S+Z jobs=[23]\\d\\d applied=\\d+ .* deadlines=\\d+ atRisk=\\d+ "
                        + "unreachable=\\d+ result=success"));
        assertThat(auditLines(audit)).filteredOn(l -> l.contains("outcome=APPLIED")).hasSizeBetween(100, 200);
        assertThat(output).doesNotContain("secret key");
    }

    private static List<String> auditLines(Path audit) throws IOException {
        return Files.readAllLines(audit, StandardCharsets.UTF_8);
    }
}
