package io.camelblackpearl.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample's job-event route as a user runs it: the simulator's CLI jar plays a living appliance (jobs
 * end on their own, new ones arrive), the sample's jar runs configured by environment variables only, with
 * a state file, and is restarted while jobs keep ending. Checked from outside: the DS3 completed and
 * canceled lists, and the Micrometer timer over HTTP.
 */
class JobEventsJarTest {

    private static final Pattern ENDED_LINE = Pattern.compile("job-events - (\\S+) (completed|canceled) after ");

    @TempDir
    Path dir;

    private final String secretKey = "s3cr3t-" + UUID.randomUUID();
    private TestAppliance appliance;

    @AfterEach
    void stop() throws Exception {
        if (appliance != null) {
            appliance.close();
        }
    }

    @Test
    void reportsEveryEndingOnceAcrossARestartAndTimesCompletions() throws Exception {
        appliance = TestAppliance.start(dir, secretKey, List.of("--complete-after", "40s", "--cancel-rate", "0.2",
                "--new-job-every", "1s"));
        Path stateFile = dir.resolve("job-events.state");
        int port = JavaProcess.freePort();
        Map<String, String> env = applianceEnv();
        env.put("ESCALATION_CRON", "0/2 * * * * ?");
        env.put("ESCALATION_MAX_RUNS", "0");
        env.put("ESCALATION_EVENTS_DELAY", "1s");
        env.put("ESCALATION_EVENTS_STATE_FILE", stateFile.toString());
        env.put("CAMEL_SERVER_PORT", Integer.toString(port));

        String firstOutput;
        Instant firstReported;
        try (JavaProcess first = JavaProcess.start(dir, "sample-1", List.of(), "sample.jar", List.of(), env)) {
            first.awaitOutput("job-events - \\S+ completed after ", 60);
            firstReported = Instant.now();
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest scrape = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/metrics")).build();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> timerCount(http.send(scrape, HttpResponse.BodyHandlers.ofString()).body()) > 0);
            String metrics = http.send(scrape, HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("blackpearl_job_duration_seconds_count{").contains("request_type=").contains("escalated=")
                    .doesNotContain(secretKey);
            first.close(); // a graceful stop, as an operator's Ctrl-C
            firstOutput = first.output();
        }
        assertThat(firstOutput).contains("Job events: polled every 1s for CREATED,COMPLETED,CANCELED, state in " + stateFile);

        // jobs keep ending while nothing watches
        Instant stoppedAt = Instant.now();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> endedSince(stoppedAt) >= 3);
        Instant lastCounted;
        String secondOutput;
        try (JavaProcess second = JavaProcess.start(dir, "sample-2", List.of(), "sample.jar", List.of(), env)) {
            second.awaitOutput("(Job events: resuming from the saved state)", 60);
            // what ended by now must be reported by a poll of the second run, however long those take to come
            lastCounted = Instant.now();
            List<String> due = endedBetween(firstReported, lastCounted);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                List<String> both = endings(firstOutput);
                both.addAll(endings(second.output()));
                assertThat(both).containsAll(due);
            });
            second.close();
            secondOutput = second.output();
        }

        List<String> reported = new ArrayList<>();
        reported.addAll(endings(firstOutput));
        reported.addAll(endings(secondOutput));
        assertThat(reported).as("no ending reported twice, across the restart too").doesNotHaveDuplicates();
        assertThat(firstOutput + secondOutput).doesNotContain(secretKey);

        List<String> expected = endedBetween(firstReported, lastCounted);
        assertThat(expected).as("endings while watched and while down").hasSizeGreaterThan(5);
        assertThat(reported).as("every ending between the first report and the second run's last poll").containsAll(expected);
        List<String> onAppliance = endedBetween(Instant.EPOCH, Instant.now().plusSeconds(1));
        assertThat(onAppliance).as("nothing reported that did not happen").containsAll(reported);
    }

    /** {@code ESCALATION_EVENTS_ENABLED=false}: no job-event route, so no consumer in the health report and no line. */
    @Test
    void theJobEventRouteCanBeSwitchedOff() throws Exception {
        appliance = TestAppliance.start(dir, secretKey, List.of("--complete-after", "5s", "--new-job-every", "500ms"));
        int port = JavaProcess.freePort();
        Map<String, String> env = applianceEnv();
        env.put("ESCALATION_CRON", "0/1 * * * * ?");
        env.put("ESCALATION_MAX_RUNS", "4");
        env.put("ESCALATION_EVENTS_ENABLED", "false");
        env.put("ESCALATION_EVENTS_DELAY", "500ms");
        env.put("CAMEL_SERVER_PORT", Integer.toString(port));
        try (JavaProcess sample = JavaProcess.start(dir, "sample-off", List.of(), "sample.jar", List.of(), env)) {
            sample.awaitOutput("(Escalation run at )", 60);
            String health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/observe/health?data=true")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(health).contains("\"name\":\"blackpearl\"").doesNotContain("job-events");
            assertThat(sample.awaitExit(90)).isZero();
            assertThat(sample.output()).contains("Job events: off").doesNotContain("job-events - ");
        }
        assertThat(appliance.api.endedJobs("completed_job")).as("jobs did end meanwhile").isNotEmpty();
    }

    /** The appliance's endpoint, key pair and the escalation policy, as the README's environment variables. */
    private Map<String, String> applianceEnv() throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CAMEL_COMPONENT_BLACKPEARL_ENDPOINT", appliance.endpoint);
        env.put("CAMEL_COMPONENT_BLACKPEARL_ACCESS_KEY", TestAppliance.ACCESS_KEY);
        env.put("CAMEL_COMPONENT_BLACKPEARL_SECRET_KEY", secretKey);
        env.put("ESCALATION_POLICY_FILE", TestAppliance.policyFile(dir).toString());
        return env;
    }

    /** The appliance's endings dated in [from, to), as the sample's route logs them: "name completed|canceled". */
    private List<String> endedBetween(Instant from, Instant to) throws Exception {
        return appliance.api.endingsBetween(from, to).stream().map(Ds3Api::asSampleLogs).toList();
    }

    private int endedSince(Instant since) throws Exception {
        return endedBetween(since, Instant.now().plusSeconds(1)).size();
    }

    private static List<String> endings(String output) {
        List<String> endings = new ArrayList<>();
        Matcher m = ENDED_LINE.matcher(output);
        while (m.find()) {
            endings.add(m.group(1) + " " + m.group(2));
        }
        return endings;
    }

    /** The sum of the timer's counts over all its tag sets, read from the Prometheus text. */
    private static double timerCount(String metrics) {
        double total = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("blackpearl_job_duration_seconds_count{")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }
}
