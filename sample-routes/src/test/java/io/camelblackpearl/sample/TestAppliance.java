package io.camelblackpearl.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * The appliance of the jar tests: the simulator's CLI jar in its own process, 300 seeded jobs, read over
 * the DS3 API with the test's own client; and the test policy (appliance-policy.yaml), read independently
 * of the product, to say which jobs were due.
 */
final class TestAppliance implements AutoCloseable {

    static final String ACCESS_KEY = "c2FtcGxl";
    /** A job this close to a ladder step while a test runs may go either way: only "never lowered" is checked. */
    private static final Duration MARGIN = Duration.ofMinutes(2);

    final String secretKey;
    final JavaProcess process;
    final String endpoint;
    final Ds3Api api;
    final Map<String, Ds3Api.Job> before;
    final Instant startedAt;

    private TestAppliance(String secretKey, JavaProcess process, String endpoint, SSLContext tls) throws Exception {
        this.secretKey = secretKey;
        this.process = process;
        this.endpoint = endpoint;
        this.api = new Ds3Api(endpoint, ACCESS_KEY, secretKey, tls);
        this.before = api.activeJobs();
        this.startedAt = Instant.now();
    }

    /** Starts the CLI jar with {@code more} arguments (faults, for instance) and reads the jobs before any run. */
    static TestAppliance start(Path dir, String secretKey, List<String> more) throws Exception {
        return start(dir, secretKey, more, null);
    }

    /** The same on https ({@code --tls-key-store} among {@code more}); {@code tls} is what the test's own client trusts. */
    static TestAppliance start(Path dir, String secretKey, List<String> more, SSLContext tls) throws Exception {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--jobs", "300", "--min-age", "1m",
                "--max-age", "3d", "--seed", "7", "--priorities", "LOW,LOW,NORMAL,HIGH", "--request-types", "PUT,GET,VERIFY",
                "--access-key", ACCESS_KEY, "--secret-key", secretKey));
        args.addAll(more);
        JavaProcess process = JavaProcess.start(dir, "appliance", List.of(), "simulator.jar", args, Map.of());
        return new TestAppliance(secretKey, process, process.awaitOutput("simulator ready on (https?://\\S+)", 30), tls);
    }

    /** The test policy as a file of the user's own. */
    static Path policyFile(Path dir) throws Exception {
        Path policy = dir.resolve("policy.yaml");
        try (InputStream in = TestAppliance.class.getResourceAsStream("/appliance-policy.yaml")) {
            Files.copy(in, policy);
        }
        return policy;
    }

    /**
     * Over the DS3 API: no job was lowered, and every job that was due (clearly, not at a ladder step's edge
     * while the test ran) has exactly the priority it was due for. Returns the ids of the raised jobs.
     */
    List<String> assertDueJobsRaised(Instant endedAt) throws Exception {
        Map<String, Ds3Api.Job> after = api.activeJobs();
        assertThat(after.keySet()).containsExactlyInAnyOrderElementsOf(before.keySet());
        List<String> raised = new ArrayList<>();
        for (Ds3Api.Job was : before.values()) {
            Ds3Api.Job now = after.get(was.id());
            assertThat(Ds3Api.rank(now.priority())).as("never lowered: %s", was).isGreaterThanOrEqualTo(Ds3Api.rank(was.priority()));
            String targetAtStart = target(was, startedAt.minus(MARGIN));
            String targetAtEnd = target(was, endedAt.plus(MARGIN));
            if (Objects.equals(targetAtStart, targetAtEnd)) {
                String expected = targetAtEnd != null && Ds3Api.rank(targetAtEnd) > Ds3Api.rank(was.priority())
                        ? targetAtEnd : was.priority();
                assertThat(now.priority()).as("%s aged %s", was, Duration.between(was.createdAt(), endedAt)).isEqualTo(expected);
            }
            if (!now.priority().equals(was.priority())) {
                raised.add(was.id());
            }
        }
        assertThat(raised).as("due jobs raised").hasSizeGreaterThan(50);
        return raised;
    }

    /** Whether every clearly due job has its priority yet (for polling; no assertion). */
    boolean allDueJobsRaised() throws Exception {
        Map<String, Ds3Api.Job> after = api.activeJobs();
        Instant now = Instant.now();
        for (Ds3Api.Job was : before.values()) {
            String target = target(was, now.minus(MARGIN));
            if (target != null && Ds3Api.rank(target) > Ds3Api.rank(after.get(was.id()).priority())) {
                return false;
            }
        }
        return true;
    }

    /** The test policy read independently: the priority a job is due for at {@code when}. */
    static String target(Ds3Api.Job job, Instant when) {
        Duration age = Duration.between(job.createdAt(), when);
        if (job.requestType().equals("GET")) {
            return age.compareTo(Duration.ofDays(1)) >= 0 ? "URGENT" : age.compareTo(Duration.ofHours(1)) >= 0 ? "HIGH" : null;
        }
        return age.compareTo(Duration.ofDays(2)) >= 0 ? "HIGH" : age.compareTo(Duration.ofHours(12)) >= 0 ? "NORMAL" : null;
    }

    @Override
    public void close() throws Exception {
        process.close();
    }
}
