package io.camelblackpearl.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's real-appliance path, as a user takes it: the simulator's CLI jar plays the appliance in
 * its own process, the sample's runnable jar runs in another, configured only in the documented way
 * (environment variables, JVM system properties, or the user's properties file), and the result is
 * checked over the DS3 API: due jobs raised, no job lowered, the secret nowhere in the output.
 */
class RealApplianceJarTest {

    private static final String ACCESS_KEY = TestAppliance.ACCESS_KEY;

    @TempDir
    Path dir;

    private final String secretKey = "s3cr3t-" + UUID.randomUUID();
    private TestAppliance appliance;
    private String endpoint;
    private Ds3Api api;
    private Map<String, Ds3Api.Job> before;
    private Path policy;

    @BeforeEach
    void startAppliance() throws Exception {
        startAppliance(List.of());
        policy = TestAppliance.policyFile(dir);
    }

    private void startAppliance(List<String> faults) throws Exception {
        if (appliance != null) {
            appliance.close();
        }
        appliance = TestAppliance.start(dir, secretKey, faults);
        endpoint = appliance.endpoint;
        api = appliance.api;
        before = appliance.before;
    }

    @AfterEach
    void stopAppliance() throws Exception {
        appliance.close();
    }

    @Test
    void environmentVariablesOnlyJavaDsl() throws Exception {
        JavaProcess sample = sample(List.of(), List.of(), applianceEnvironment(
                "CAMEL_COMPONENT_BLACKPEARL_PAGE_LENGTH", "25",
                "ESCALATION_CRON", "0/1 * * * * ?",
                "ESCALATION_MAX_RUNS", "2",
                "ESCALATION_DSL", "java"));
        assertRanTwiceAndEscalated(sample, "java");
    }

    @Test
    void systemPropertiesOnlyYamlDsl() throws Exception {
        JavaProcess sample = sample(List.of(
                "-Dcamel.component.blackpearl.endpoint=" + endpoint,
                "-Dcamel.component.blackpearl.access-key=" + ACCESS_KEY,
                "-Dcamel.component.blackpearl.secret-key=" + secretKey,
                "-Dcamel.component.blackpearl.page-length=25",
                "-Descalation.policy-file=" + policy,
                "-Descalation.cron=0/1 * * * * ?",
                "-Descalation.max-runs=2",
                "-Descalation.dsl=yaml"), List.of(), Map.of());
        assertRanTwiceAndEscalated(sample, "yaml");
    }

    @Test
    void usersOwnPropertiesFileYamlDsl() throws Exception {
        Path file = dir.resolve("blackpearl.properties");
        Files.writeString(file, String.join("\n",
                "camel.component.blackpearl.endpoint = " + endpoint,
                "camel.component.blackpearl.access-key = " + ACCESS_KEY,
                "camel.component.blackpearl.secret-key = " + secretKey,
                "escalation.policy-file = " + policy,
                "escalation.cron = 0/1 * * * * ?",
                "escalation.max-runs = 2",
                "escalation.dsl = yaml", ""), StandardCharsets.UTF_8);
        JavaProcess sample = sample(List.of(), List.of("-pl", "file:" + file), Map.of());
        assertRanTwiceAndEscalated(sample, "yaml");
    }

    /** The outage rehearsal of docs/simulator.md: the simulator's CLI plays a busy appliance behind a flaky proxy. */
    @Test
    void convergesAgainstTheCliRehearsingAnOutage() throws Exception {
        startAppliance(List.of("--fault", "modify:503:0.2", "--fault", "any:reset:0.05", "--fault", "list:delay=10ms-80ms",
                "--fault", "get:stall:0.01", "--fault-seed", "3"));
        JavaProcess sample = sample(List.of(), List.of(), applianceEnvironment(
                "ESCALATION_CRON", "0/1 * * * * ?",
                "ESCALATION_MAX_RUNS", "3"));
        assertRanAndEscalated(sample, "java", 3);
    }

    /** Camel Main's own variable names the file; the file takes the secret from another variable with {{env:…}}. */
    @Test
    void propertiesFileNamedByCamelMainVariableJavaDsl() throws Exception {
        Path file = dir.resolve("blackpearl.properties");
        Files.writeString(file, String.join("\n",
                "camel.component.blackpearl.endpoint = " + endpoint,
                "camel.component.blackpearl.access-key = " + ACCESS_KEY,
                "camel.component.blackpearl.secret-key = {{env:BLACKPEARL_SECRET_KEY}}",
                "escalation.policy-file = " + policy,
                "escalation.cron = 0/1 * * * * ?",
                "escalation.max-runs = 2", ""), StandardCharsets.UTF_8);
        JavaProcess sample = sample(List.of(), List.of(), Map.of(
                "CAMEL_MAIN_PROPERTY_PLACEHOLDER_LOCATION", "file:" + file,
                "BLACKPEARL_SECRET_KEY", secretKey));
        assertRanTwiceAndEscalated(sample, "java");
    }

    /** System property over environment variable over the user's file over the defaults, for every setting. */
    @Test
    void precedenceSystemPropertyThenEnvironmentThenFile() throws Exception {
        Path file = dir.resolve("blackpearl.properties");
        Files.writeString(file, String.join("\n",
                "camel.component.blackpearl.endpoint = http://127.0.0.1:9",
                "camel.component.blackpearl.access-key = " + ACCESS_KEY,
                "camel.component.blackpearl.secret-key = wrong-in-file",
                "escalation.policy-file = " + dir.resolve("no-such-policy.yaml"),
                "escalation.cron = 0/1 * * * * ?",
                "escalation.max-runs = 7",
                "escalation.dsl = yaml", ""), StandardCharsets.UTF_8);
        JavaProcess sample = sample(
                List.of("-Dcamel.component.blackpearl.secret-key=" + secretKey, "-Descalation.max-runs=2"),
                List.of("-pl", "file:" + file),
                Map.of("CAMEL_COMPONENT_BLACKPEARL_ENDPOINT", endpoint,
                        "CAMEL_COMPONENT_BLACKPEARL_SECRET_KEY", "wrong-in-environment",
                        "ESCALATION_POLICY_FILE", policy.toString(),
                        "ESCALATION_MAX_RUNS", "9"));
        assertRanTwiceAndEscalated(sample, "yaml");
    }

    @Test
    void badComponentOptionFromTheEnvironmentStopsBeforeAnyRequest() throws Exception {
        JavaProcess sample = sample(List.of(), List.of(), applianceEnvironment("CAMEL_COMPONENT_BLACKPEARL_PAGE_LENGTH", "0"));
        assertThat(sample.awaitExit(90)).isNotZero();
        assertThat(sample.output()).contains("Invalid option pageLength (environment variable CAMEL_COMPONENT_BLACKPEARL_PAGE_LENGTH) value '0': it must be at least 1")
                .doesNotContain(secretKey);
        assertNothingChanged();
    }

    @Test
    void badSampleSettingNamesSettingVariableAndValue() throws Exception {
        JavaProcess sample = sample(List.of(), List.of(), Map.of(
                "CAMEL_COMPONENT_BLACKPEARL_ENDPOINT", endpoint,
                "CAMEL_COMPONENT_BLACKPEARL_ACCESS_KEY", ACCESS_KEY,
                "CAMEL_COMPONENT_BLACKPEARL_SECRET_KEY", secretKey,
                "ESCALATION_DSL", "xml"));
        assertThat(sample.awaitExit(90)).isNotZero();
        assertThat(sample.output()).contains("escalation.dsl", "ESCALATION_DSL", "'xml'", "expected java or yaml");
        assertNothingChanged();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "ESCALATION_EVENTS_TYPES | CREATED,FINISHED | escalation.events.types | expected a comma-separated list",
        "ESCALATION_EVENTS_DELAY | soon            | escalation.events.delay | expected a duration such as 500ms, 30s",
        "ESCALATION_EVENTS_ENABLED | maybe         | escalation.events.enabled | expected true or false"})
    void badJobEventSettingNamesSettingVariableAndValue(String variable, String value, String setting, String expected)
            throws Exception {
        JavaProcess sample = sample(List.of(), List.of(), applianceEnvironment(variable, value));
        assertThat(sample.awaitExit(90)).isNotZero();
        assertThat(sample.output()).contains(setting, variable, "'" + value + "'", expected).doesNotContain(secretKey);
        assertNothingChanged();
    }

    /** The start-up check says what is wrong and which setting to fix; the application keeps its schedule. */
    @Test
    void refusedCredentialsAreReportedInPlainWordsWithoutStopping() throws Exception {
        String wrongSecret = "wrong-" + UUID.randomUUID();
        JavaProcess sample = sample(List.of(), List.of(), Map.of(
                "CAMEL_COMPONENT_BLACKPEARL_ENDPOINT", endpoint,
                "CAMEL_COMPONENT_BLACKPEARL_ACCESS_KEY", ACCESS_KEY,
                "CAMEL_COMPONENT_BLACKPEARL_SECRET_KEY", wrongSecret,
                "ESCALATION_POLICY_FILE", policy.toString(),
                "ESCALATION_CRON", "0/1 * * * * ?",
                "ESCALATION_MAX_RUNS", "2"));
        assertThat(sample.awaitExit(90)).as(sample.output()).isZero();
        String output = sample.output();
        assertThat(output).contains("refused the credentials (403)", "camel.component.blackpearl.secret-key",
                "tries again at every firing", "Stopping after 2 escalation runs");
        assertThat(output).doesNotContain(wrongSecret);
        assertNothingChanged();
    }

    @Test
    void unreachableApplianceIsReportedInPlainWords() throws Exception {
        JavaProcess sample = sample(List.of(), List.of(), Map.of(
                "CAMEL_COMPONENT_BLACKPEARL_ENDPOINT", "http://127.0.0.1:9",
                "CAMEL_COMPONENT_BLACKPEARL_ACCESS_KEY", ACCESS_KEY,
                "CAMEL_COMPONENT_BLACKPEARL_SECRET_KEY", secretKey,
                "ESCALATION_POLICY_FILE", policy.toString(),
                "ESCALATION_CRON", "0/1 * * * * ?",
                "ESCALATION_MAX_RUNS", "1"));
        assertThat(sample.awaitExit(90)).as(sample.output()).isZero();
        assertThat(sample.output()).contains("BlackPearl at http://127.0.0.1:9 is unreachable (connection refused)",
                "check camel.component.blackpearl.endpoint").doesNotContain(secretKey);
    }

    /**
     * Health and metrics over HTTP as an operator's probe reads them: UP while the appliance answers, the
     * appliance's check DOWN with the reason once it is gone, the escalation's DOWN after its periods.
     */
    @Test
    void healthAndMetricsOverHttp() throws Exception {
        int port = JavaProcess.freePort();
        try (JavaProcess sample = sample(List.of(), List.of(), applianceEnvironment(
                "ESCALATION_CRON", "0/1 * * * * ?",
                "ESCALATION_MAX_RUNS", "0",
                "ESCALATION_HEALTH_PERIODS", "2",
                "CAMEL_SERVER_PORT", Integer.toString(port)))) {
            sample.awaitOutput("(Escalation run at .*0 failed)", 60);
            HttpClient http = HttpClient.newHttpClient();
            URI health = URI.create("http://127.0.0.1:" + port + "/observe/health?data=true");
            // Readiness includes Camel's check of the job-event consumer, which is DOWN until its first poll.
            HttpResponse<String> up = http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
            long ready = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (up.statusCode() != 200 && System.nanoTime() < ready) {
                Thread.sleep(100);
                up = http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
            }
            assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
            assertThat(up.body()).contains("\"name\":\"consumer:job-events\",\"status\":\"UP\"");
            assertThat(up.body()).contains("\"name\":\"blackpearl\",\"status\":\"UP\"",
                    "\"name\":\"blackpearl-escalation\",\"status\":\"UP\"").doesNotContain(secretKey);

            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/observe/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("blackpearl_escalation_runs_total{result=\"success\"}",
                    "blackpearl_escalation_decisions_total{outcome=\"APPLIED\"", "blackpearl_escalation_last_success_seconds")
                    .doesNotContain(secretKey);

            appliance.close();
            HttpResponse<String> down = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                down = http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
                if (down.body().contains("\"name\":\"blackpearl-escalation\",\"status\":\"DOWN\"")) {
                    break;
                }
                Thread.sleep(250);
            }
            assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
            assertThat(down.body()).contains("\"name\":\"blackpearl\",\"status\":\"DOWN\"", "\"verdict\":\"UNREACHABLE\"",
                    "\"name\":\"blackpearl-escalation\",\"status\":\"DOWN\"", "No escalation run has succeeded for")
                    .doesNotContain(secretKey);
        }
    }

    /** The appliance, its keys and the test policy as environment variables, plus {@code more} (key, value, ...). */
    /**
     * A valid cron that fires once more (New Year 2099) runs: the application starts, says it has no period to
     * judge, serves a healthy readiness probe and sends nothing; one that never fires again is refused in words.
     */
    @Test
    void aCronThatFiresOnceRunsAndOneThatNeverFiresIsRefused() throws Exception {
        int port = JavaProcess.freePort();
        try (JavaProcess sample = sample(List.of(), List.of(), applianceEnvironment(
                "ESCALATION_CRON", "0 0 0 1 1 ? 2099", "ESCALATION_MAX_RUNS", "0", "ESCALATION_EVENTS_ENABLED", "false",
                "CAMEL_SERVER_PORT", Integer.toString(port)))) {
            sample.awaitOutput("(fires only once more: the escalation has no period to judge)", 60);
            HttpClient http = HttpClient.newHttpClient();
            URI health = URI.create("http://127.0.0.1:" + port + "/observe/health?data=true");
            HttpResponse<String> answer = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (answer == null || answer.statusCode() != 200) {
                assertThat(System.nanoTime()).as("healthy within 30 s: %s", answer == null ? "" : answer.body()).isLessThan(deadline);
                Thread.sleep(250);
                try {
                    answer = http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
                } catch (ConnectException notYet) {
                    answer = null;
                }
            }
            assertThat(answer.body()).contains("\"name\":\"blackpearl\",\"status\":\"UP\"").doesNotContain("\"name\":\"blackpearl-escalation\"");
            assertThat(sample.output()).doesNotContain("Exception");
        }
        assertNothingChanged();
        JavaProcess never = sample(List.of(), List.of(), applianceEnvironment("ESCALATION_CRON", "0 0 0 1 1 ? 2001"));
        assertThat(never.awaitExit(90)).isNotZero();
        assertThat(never.output()).contains("Invalid setting escalation.cron (environment variable ESCALATION_CRON): '0 0 0 1 1 ? 2001' never fires again");
        assertNothingChanged();
    }

    private Map<String, String> applianceEnvironment(String... more) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CAMEL_COMPONENT_BLACKPEARL_ENDPOINT", endpoint);
        env.put("CAMEL_COMPONENT_BLACKPEARL_ACCESS_KEY", ACCESS_KEY);
        env.put("CAMEL_COMPONENT_BLACKPEARL_SECRET_KEY", secretKey);
        env.put("ESCALATION_POLICY_FILE", policy.toString());
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private JavaProcess sample(List<String> jvmOptions, List<String> args, Map<String, String> environment) throws Exception {
        return JavaProcess.start(dir, "sample", jvmOptions, "sample.jar", args, environment);
    }

    private void assertRanTwiceAndEscalated(JavaProcess sample, String dsl) throws Exception {
        assertRanAndEscalated(sample, dsl, 2);
    }

    private void assertRanAndEscalated(JavaProcess sample, String dsl, int runs) throws Exception {
        assertThat(sample.awaitExit(90)).as(sample.output()).isZero();
        Instant endedAt = Instant.now();
        String output = sample.output();
        assertThat(output).contains("Escalation against " + endpoint + " as access key " + ACCESS_KEY,
                "policy " + policy, "schedule '0/1 * * * * ?'", "run limit stops after " + runs + " runs",
                "route in " + dsl + " DSL", "is reachable and accepts the credentials (300 active jobs)",
                "Stopping after " + runs + " escalation runs");
        assertThat(output).doesNotContain(secretKey).doesNotContain("embedded BlackPearl simulator");
        Path audit = dir.resolve("escalation-audit.log");
        assertThat(Files.readString(audit, StandardCharsets.UTF_8)).contains("outcome=APPLIED").doesNotContain(secretKey);

        appliance.assertDueJobsRaised(endedAt);
    }

    private void assertNothingChanged() throws Exception {
        assertThat(api.activeJobs()).isEqualTo(before);
    }
}
