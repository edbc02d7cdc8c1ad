package io.camelblackpearl.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deadlines the user's way: the simulator's CLI jar, time-scaled (a second is ten minutes) and loaded (new jobs
 * for an offered load of 1.0, half of them with a deadline in their name), driven by the sample jar in its own
 * process, once with the bundled deadline policy and once with the bundled age ladder, each on a fresh
 * appliance with the same seed. Deadlines met and missed are counted from the appliance's completed-job and
 * active-job lists over the DS3 API (at the appliance's time), not from the sample's output.
 */
class DeadlineJarTest {

    private static final String SECRET = "d3adl1ne";
    private static final Pattern DUE = Pattern.compile("due=(\\S+)");

    @TempDir
    Path dir;

    record Count(int met, int missed) {
    }

    @Test
    void theDeadlinePolicyMeetsMoreDeadlinesThanTheAgeLadderOnTheSameWorkload() throws Exception {
        Count deadline = run("classpath:deadline-policy.yaml", "deadline");
        Count ladder = run("classpath:escalation-policy.yaml", "ladder");
        System.out.println("Deadlines met and missed, deadline policy: " + deadline + "; age ladder: " + ladder);
        assertThat(deadline.met() + deadline.missed()).as("deadlines that came due in the run").isGreaterThan(20);
        assertThat(deadline.missed()).as("missed with the deadline policy (%s) vs the age ladder (%s)", deadline, ladder)
                .isLessThan(ladder.missed());
        assertThat(deadline.met()).isGreaterThan(ladder.met());
    }

    private Count run(String policy, String name) throws Exception {
        Path runDir = Files.createDirectories(dir.resolve(name));
        List<String> args = new ArrayList<>(List.of("--port", "0", "--jobs", "150", "--min-age", "1m", "--max-age", "12h",
                "--seed", "11", "--priorities", "LOW,NORMAL,NORMAL,HIGH", "--time-scale", "600", "--load", "1.0",
                "--deadline-share", "0.5", "--access-key", TestAppliance.ACCESS_KEY, "--secret-key", SECRET));
        try (JavaProcess appliance = JavaProcess.start(runDir, "appliance", List.of(), "simulator.jar", args, Map.of())) {
            String endpoint = appliance.awaitOutput("simulator ready on (https?://\\S+)", 30);
            assertThat(appliance.output()).contains("work model: 4 drives at 300 MB/s", "offered load 1.00");
            Ds3Api api = new Ds3Api(endpoint, TestAppliance.ACCESS_KEY, SECRET);
            Instant applianceStart = api.applianceTime();
            assertThat(applianceStart).as("the appliance's own clock in its Date header").isNotNull();
            Path progress = runDir.resolve("data").resolve("escalation-progress.state");
            try (JavaProcess sample = JavaProcess.start(runDir, "sample", List.of(), "sample.jar", List.of(), Map.of(
                    "ESCALATION_PROGRESS_FILE", progress.toString(),
                    "CAMEL_COMPONENT_BLACKPEARL_ENDPOINT", endpoint,
                    "CAMEL_COMPONENT_BLACKPEARL_ACCESS_KEY", TestAppliance.ACCESS_KEY,
                    "CAMEL_COMPONENT_BLACKPEARL_SECRET_KEY", SECRET,
                    "ESCALATION_POLICY_FILE", policy,
                    "ESCALATION_CRON", "0/1 * * * * ?",
                    "ESCALATION_MAX_RUNS", "30",
                    "ESCALATION_EVENTS_ENABLED", "false"))) {
                assertThat(sample.awaitExit(180)).as(sample.output()).isZero();
                String output = sample.output();
                assertThat(output).contains("Stopping after 30 escalation runs").containsPattern("Deadlines: \\d+ met, \\d+ missed");
                if (policy.contains("deadline")) {
                    assertThat(output).as("deadlines projected on the appliance's clock")
                            .containsPattern("escalation run node=\\S+ fire=\\S+ jobs=\\d+ .* deadlines=[1-9]\\d* ");
                    // the decision table: the rule, the job's age, its deadline, projected finish and slack
                    assertThat(Files.readString(progress)).as("the progress history kept for a restart")
                            .contains("blackpearl-escalation-progress=v1;");
                    assertThat(output).containsPattern("named-deadl…\\s+\\S+\\s+20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ\\s+20\\d\\d-\\S+\\s+-?\\S+\\s+APPLIED");
                }
            }
            Instant now = api.applianceTime();
            assertThat(Duration.between(applianceStart, now).toHours()).as("appliance hours that passed").isGreaterThanOrEqualTo(4);
            int met = 0;
            int missed = 0;
            for (Ds3Api.Ended job : api.endedJobs("completed_job")) {
                Instant due = due(job.name());
                if (due != null) {
                    if (job.at().isAfter(due)) {
                        missed++;
                    } else {
                        met++;
                    }
                }
            }
            for (Ds3Api.Job job : api.activeJobs().values()) {
                Instant due = due(job.name());
                if (due != null && due.isBefore(now)) {
                    missed++;
                }
            }
            return new Count(met, missed);
        }
    }

    private static Instant due(String name) {
        Matcher m = DUE.matcher(name);
        return m.find() ? OffsetDateTime.parse(m.group(1)).toInstant() : null;
    }
}
