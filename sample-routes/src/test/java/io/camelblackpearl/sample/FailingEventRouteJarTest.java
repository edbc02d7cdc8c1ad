package io.camelblackpearl.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
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
 * A user's own job-event route whose downstream fails the first time it sees half of the endings (the
 * ticket system was down), loaded by the packaged application from a YAML file of the user's
 * ({@code camel.main.routes-include-pattern}) against the simulator's CLI jar with jobs ending on their own.
 * Checked from outside, on the appliance's completed and canceled lists: every ending between the route's
 * first success and the end of the run reaches the route's success path exactly once.
 */
class FailingEventRouteJarTest {

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
    void everyEndingReachesTheSuccessPathOnceThoughItsFirstDeliveryFailed() throws Exception {
        appliance = TestAppliance.start(dir, secretKey, List.of("--complete-after", "20s", "--cancel-rate", "0.2",
                "--new-job-every", "500ms"));
        // A route as a user writes it: the first delivery of each ending of a job whose name ends in an even
        // digit fails (Camel's default error handler does not handle it); a redelivery goes through.
        Path routes = dir.resolve("my-job-events.yaml");
        Files.writeString(routes, FailingUserRoute.yaml("""
                        delay: 500
                        events: COMPLETED,CANCELED
                """));
        Map<String, String> env = userRoutesEnvironment(routes);

        try (JavaProcess sample = JavaProcess.start(dir, "sample", List.of(), "sample.jar", List.of(), env)) {
            sample.awaitOutput("(delivered \\S+ (COMPLETED|CANCELED))", 90);
            Instant watchedFrom = Instant.now();
            // the appliance's endings of the next 15 s, all of them reported: however busy the machine, wait for it
            await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(watchedFrom.plusSeconds(15)));
            Instant watchedTo = Instant.now();
            List<String> expected = appliance.api.endingsBetween(watchedFrom, watchedTo);
            assertThat(expected).as("jobs end on their own meanwhile").hasSizeGreaterThan(10);
            assertThat(expected).as("some of them fail their first delivery").anyMatch(e -> e.matches("\\S*[02468] .*"));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(FailingUserRoute.delivered(sample.output())).containsAll(expected));
            sample.close();

            String output = sample.output();
            List<String> delivered = FailingUserRoute.delivered(output);
            assertThat(delivered).as("each ending reaches the success path once").doesNotHaveDuplicates();
            assertThat(output).as("the failures happened, and the route's error handler did not handle them")
                    .contains("the ticket system is down").doesNotContain("Route my-job-events failed");
            assertThat(appliance.api.endingsBetween(Instant.EPOCH, Instant.now())).as("nothing delivered that did not happen")
                    .containsAll(delivered);
            assertThat(output).doesNotContain(secretKey);
        }
    }

    /**
     * A graceful stop (SIGTERM, as an operator's Ctrl-C or a container's stop) while a slow route is in the
     * middle of a batch: Camel finishes the batch (shutdownRunningTask CompleteAllTasks) and saves its state,
     * so the lines of the events it delivered while stopping must be in the output. A restart from the state
     * file then goes on: across both runs every ending is reported once, none lost with its log line.
     */
    @Test
    void linesOfEventsDeliveredDuringAGracefulStopAreKept() throws Exception {
        appliance = TestAppliance.start(dir, secretKey, List.of("--complete-after", "30s", "--cancel-rate", "0.2",
                "--new-job-every", "100ms"));
        Path state = dir.resolve("events.state");
        Path routes = dir.resolve("slow-job-events.yaml");
        Files.writeString(routes, """
                - beans:
                    - name: eventState
                      type: org.apache.camel.support.processor.state.FileStateRepository
                      properties:
                        fileStore: "#class:java.io.File('%s')"
                - route:
                    id: slow-job-events
                    shutdownRunningTask: CompleteAllTasks
                    from:
                      uri: blackpearl:activeJob
                      parameters:
                        delay: 200
                        events: COMPLETED,CANCELED
                        stateRepository: "#eventState"
                      steps:
                        - delay:
                            constant: 50
                        - log:
                            message: "delivered ${header.CamelBlackPearlJobName} ${header.CamelBlackPearlEvent} batch ${exchangeProperty.CamelBatchIndex}/${exchangeProperty.CamelBatchSize}"
                            loggingLevel: WARN
                """.formatted(state));
        Map<String, String> env = userRoutesEnvironment(routes);

        Pattern firstOfBatch = Pattern.compile("batch 0/(\\d+)");
        String firstOutput;
        int linesAtStop;
        Instant watchedFrom;
        try (JavaProcess first = JavaProcess.start(dir, "slow-1", List.of(), "sample.jar", List.of(), env)) {
            first.awaitOutput("(delivered \\S+ (COMPLETED|CANCELED))", 90);
            watchedFrom = Instant.now(); // later endings come after the first poll: none of them is history
            // stop right after a batch of several events began: the rest of it is delivered during the stop
            int batchesSeen = countMatches(firstOfBatch, first.output(), 5);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> countMatches(firstOfBatch, first.output(), 5) > batchesSeen);
            linesAtStop = FailingUserRoute.delivered(first.output()).size();
            first.close();
            firstOutput = first.output();
        }
        List<String> firstRun = FailingUserRoute.delivered(firstOutput);
        assertThat(firstRun.size()).as("lines of the batch delivered while stopping are in the output").isGreaterThan(linesAtStop);
        assertThat(Files.readString(state)).as("the state was saved").isNotBlank();

        Instant secondStarted = Instant.now();
        String secondOutput;
        try (JavaProcess second = JavaProcess.start(dir, "slow-2", List.of(), "sample.jar", List.of(), env)) {
            second.awaitOutput("(delivered \\S+ (COMPLETED|CANCELED))", 90);
            // every ending from the first run's watch to the second run's start, reported by one run or the other
            List<String> expected = appliance.api.endingsBetween(watchedFrom, secondStarted);
            assertThat(expected).hasSizeGreaterThan(10);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                List<String> both = new ArrayList<>(firstRun);
                both.addAll(FailingUserRoute.delivered(second.output()));
                assertThat(both).containsAll(expected);
            });
            second.close();
            secondOutput = second.output();
        }
        List<String> both = new ArrayList<>(firstRun);
        both.addAll(FailingUserRoute.delivered(secondOutput));
        assertThat(both).as("nothing reported twice across the stop and the restart").doesNotHaveDuplicates();
    }

    private static int countMatches(Pattern pattern, String text, int minimumGroup) {
        int count = 0;
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) >= minimumGroup) {
                count++;
            }
        }
        return count;
    }

    /** The appliance by environment variables, the sample's own job-event route off and the user's routes file loaded. */
    private Map<String, String> userRoutesEnvironment(Path routes) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CAMEL_COMPONENT_BLACKPEARL_ENDPOINT", appliance.endpoint);
        env.put("CAMEL_COMPONENT_BLACKPEARL_ACCESS_KEY", TestAppliance.ACCESS_KEY);
        env.put("CAMEL_COMPONENT_BLACKPEARL_SECRET_KEY", secretKey);
        env.put("ESCALATION_POLICY_FILE", TestAppliance.policyFile(dir).toString());
        env.put("ESCALATION_EVENTS_ENABLED", "false");
        env.put("CAMEL_MAIN_ROUTES_INCLUDE_PATTERN", "file:" + routes);
        return env;
    }
}
