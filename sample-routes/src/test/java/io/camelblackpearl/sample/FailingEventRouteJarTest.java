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

    private static final Pattern DELIVERED = Pattern.compile("delivered (\\S+) (COMPLETED|CANCELED)");

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
        Files.writeString(routes, """
                - route:
                    id: my-job-events
                    from:
                      uri: blackpearl:activeJob
                      parameters:
                        delay: 500
                        events: COMPLETED,CANCELED
                      steps:
                        - choice:
                            when:
                              - simple: "${header.CamelRedelivered} != true && ${header.CamelBlackPearlJobName} regex '.*[02468]'"
                                steps:
                                  - throwException:
                                      exceptionType: java.lang.IllegalStateException
                                      message: "the ticket system is down"
                        - log:
                            message: "delivered ${header.CamelBlackPearlJobName} ${header.CamelBlackPearlEvent}"
                            loggingLevel: WARN
                """);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CAMEL_COMPONENT_BLACKPEARL_ENDPOINT", appliance.endpoint);
        env.put("CAMEL_COMPONENT_BLACKPEARL_ACCESS_KEY", TestAppliance.ACCESS_KEY);
        env.put("CAMEL_COMPONENT_BLACKPEARL_SECRET_KEY", secretKey);
        env.put("ESCALATION_POLICY_FILE", TestAppliance.policyFile(dir).toString());
        env.put("ESCALATION_EVENTS_ENABLED", "false");
        env.put("CAMEL_MAIN_ROUTES_INCLUDE_PATTERN", "file:" + routes);

        try (JavaProcess sample = JavaProcess.start(dir, "sample", List.of(), "sample.jar", List.of(), env)) {
            sample.awaitOutput("(delivered \\S+ (COMPLETED|CANCELED))", 90);
            Instant watchedFrom = Instant.now();
            // the appliance's endings of the next 15 s, all of them reported: however busy the machine, wait for it
            await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(watchedFrom.plusSeconds(15)));
            Instant watchedTo = Instant.now();
            List<String> expected = endingsBetween(watchedFrom, watchedTo);
            assertThat(expected).as("jobs end on their own meanwhile").hasSizeGreaterThan(10);
            assertThat(expected).as("some of them fail their first delivery").anyMatch(e -> e.matches("\\S*[02468] .*"));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(delivered(sample.output())).containsAll(expected));
            sample.close();

            String output = sample.output();
            List<String> delivered = delivered(output);
            assertThat(delivered).as("each ending reaches the success path once").doesNotHaveDuplicates();
            assertThat(output).as("the failures happened, and the route's error handler did not handle them")
                    .contains("the ticket system is down").doesNotContain("Route my-job-events failed");
            assertThat(endingsBetween(Instant.EPOCH, Instant.now())).as("nothing delivered that did not happen")
                    .containsAll(delivered);
            assertThat(output).doesNotContain(secretKey);
        }
    }

    /** The appliance's endings dated in [from, to), as "name EVENT". */
    private List<String> endingsBetween(Instant from, Instant to) throws Exception {
        List<String> endings = new ArrayList<>();
        for (String resource : List.of("completed_job", "canceled_job")) {
            String event = resource.equals("completed_job") ? "COMPLETED" : "CANCELED";
            for (Ds3Api.Ended job : appliance.api.endedJobs(resource)) {
                if (!job.at().isBefore(from) && job.at().isBefore(to)) {
                    endings.add(job.name() + " " + event);
                }
            }
        }
        return endings;
    }

    private static List<String> delivered(String output) {
        List<String> delivered = new ArrayList<>();
        Matcher m = DELIVERED.matcher(output);
        while (m.find()) {
            delivered.add(m.group(1) + " " + m.group(2));
        }
        return delivered;
    }
}
