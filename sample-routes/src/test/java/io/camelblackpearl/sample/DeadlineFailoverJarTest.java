package io.camelblackpearl.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deadline projections' progress history survives failover, on separate JVMs and a real database: node 1 of a
 * cluster measures the appliance's rate and is killed (kill -9); node 2, started afterwards, raises a restore that
 * has just come at risk in its very first run, which it could not do with a rate of its own (that takes two runs).
 * <p>
 * The appliance is the simulator's CLI jar, time-scaled (a second is ten minutes) with one 1 GB/s drive, replaying a
 * workload: a 20 TB archive, then a restore due in nine hours, which stays on time behind the archive until a 30 TB
 * HIGH archive arrives at the fourth hour. The restore's priority is read over the DS3 API.
 */
class DeadlineFailoverJarTest {

    private static final String SECRET = "f41l0ver";

    @TempDir
    Path dir;

    @Test
    void aNodeThatTakesOverContinuesTheClustersMeasuredRate() throws Exception {
        Instant due = Instant.now().plus(Duration.ofHours(9)).truncatedTo(ChronoUnit.MINUTES);
        Path workload = dir.resolve("workload.jsonl");
        Files.writeString(workload, String.join("\n",
                "{\"offsetSeconds\": 0, \"name\": \"archive-1\", \"requestType\": \"PUT\", \"sizeInBytes\": 20000000000000}",
                "{\"offsetSeconds\": 60, \"name\": \"restore-2 due=" + due + "\", \"requestType\": \"GET\", \"sizeInBytes\": 60000000000}",
                "{\"offsetSeconds\": 14400, \"name\": \"archive-3\", \"requestType\": \"PUT\", \"sizeInBytes\": 30000000000000, \"priority\": \"HIGH\"}",
                ""));
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, """
                rules:
                  - id: named-deadlines
                    match: { name: "*due=*" }
                    deadlineFromName: true
                """);
        List<String> args = List.of("--port", "0", "--jobs", "0", "--time-scale", "600", "--drives", "1", "--drive-rate", "1000MB/s",
                "--workload", workload.toString(), "--access-key", TestAppliance.ACCESS_KEY, "--secret-key", SECRET);
        try (TestDatabase database = TestDatabase.fresh(dir, "bp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
             JavaProcess appliance = JavaProcess.start(dir, "appliance", List.of(), "simulator.jar", args, Map.of())) {
            String endpoint = appliance.awaitOutput("simulator ready on (https?://\\S+)", 30);
            Ds3Api api = new Ds3Api(endpoint, TestAppliance.ACCESS_KEY, SECRET);

            Path audit1 = dir.resolve("audit-1.log");
            Map<String, String> env1 = new HashMap<>(database.nodeEnvironment(endpoint, SECRET, policy, database.url, 1, audit1));
            env1.put("ESCALATION_CRON", "0/1 * * * * ?");
            env1.put("ESCALATION_EVENTS_ENABLED", "false");
            try (JavaProcess node1 = JavaProcess.start(dir, "node-1", List.of(), "sample.jar", List.of(), env1)) {
                awaitLines(audit1, "escalation run node=node-1 .* deadlines=1 atRisk=0 .*result=success", 2, 60);
                node1.kill();
            }
            assertThat(Files.readString(audit1)).as("node 1 had nothing to raise").doesNotContain("outcome=APPLIED");
            assertThat(api.activeJobs().values()).extracting(Ds3Api.Job::name).doesNotContain("archive-3");
            String restore = api.activeJobs().values().stream().filter(j -> j.name().startsWith("restore-2")).findFirst()
                    .orElseThrow().id();
            assertThat(api.activeJobs().get(restore).priority()).isEqualTo("NORMAL");

            long arrival = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (api.activeJobs().values().stream().noneMatch(j -> j.name().equals("archive-3"))) {
                assertThat(System.nanoTime()).as("the HIGH archive arrives at the appliance's fourth hour").isLessThan(arrival);
                Thread.sleep(200);
            }
            Path audit2 = dir.resolve("audit-2.log");
            Map<String, String> env2 = new HashMap<>(database.nodeEnvironment(endpoint, SECRET, policy, database.url, 2, audit2));
            env2.put("ESCALATION_CRON", "0/1 * * * * ?");
            env2.put("ESCALATION_EVENTS_ENABLED", "false");
            try (JavaProcess node2 = JavaProcess.start(dir, "node-2", List.of(), "sample.jar", List.of(), env2)) {
                List<String> runs = awaitLines(audit2, "escalation run node=node-2 .*", 1, 60);
                assertThat(runs.get(0)).as("node 2's first run raises the restore: the cluster's history gave it the rate")
                        .contains("applied=1", "deadlines=1");
                assertThat(Files.readString(audit2)).containsPattern("escalation job=" + restore
                        + " name=\"restore-2 due=\\S+\" from=NORMAL to=HIGH rule=named-deadlines .* outcome=APPLIED");
            }
            // Over DS3: once raised (to HIGH, which meets it: not URGENT), it completes well before its deadline.
            Ds3Api.Job stillActive = api.activeJobs().get(restore);
            if (stillActive != null) {
                assertThat(stillActive.priority()).isEqualTo("HIGH");
            } else {
                assertThat(api.endedJobs("completed_job")).filteredOn(j -> j.id().equals(restore)).singleElement()
                        .satisfies(j -> assertThat(j.at()).isBefore(due));
            }
        }
    }

    /** Waits until {@code file} has {@code count} lines matching {@code regex}; returns them in order. */
    private static List<String> awaitLines(Path file, String regex, int count, int seconds) throws Exception {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(l -> pattern.matcher(l).find()).toList() : List.of();
            if (lines.size() >= count) {
                return lines;
            }
            assertThat(System.nanoTime()).as("%d lines matching %s in %s", count, regex, file).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
