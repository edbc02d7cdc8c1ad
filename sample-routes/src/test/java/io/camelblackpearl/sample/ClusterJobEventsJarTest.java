package io.camelblackpearl.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample's job-event route on a cluster, as a user runs it: three jars on one database (PostgreSQL from
 * .ci/run, else an H2 server), configured by environment variables only, against the simulator's CLI jar
 * playing a living appliance with an access log. The node that polls is killed with {@code kill -9}
 * mid-run. Checked from outside: the appliance's access log (how often the ending lists were polled), its
 * completed and canceled lists (what ended), and the nodes' outputs (what was reported, by whom).
 */
class ClusterJobEventsJarTest {

    /** The sample's console pattern: {@code HH:mm:ss.SSS LEVEL logger - message}. */
    private static final Pattern ENDED_LINE = Pattern.compile("(?m)^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) \\S+\\s+job-events - (\\S+) (completed|canceled) after ");
    private static final Pattern POLL = Pattern.compile("^(\\S+) GET /_rest_/completed_job\\S* 200$");
    private static final Duration DELAY = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final String secretKey = "s3cr3t-" + UUID.randomUUID();
    private TestAppliance appliance;
    private TestDatabase database;
    private final List<JavaProcess> nodes = new ArrayList<>();

    private record Report(String job, int node, Instant at) {
    }

    @AfterEach
    void stop() throws Exception {
        for (JavaProcess node : nodes) {
            node.close();
        }
        if (appliance != null) {
            appliance.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void oneNodePollsForTheClusterAndAnotherTakesOverAfterAKill() throws Exception {
        database = TestDatabase.fresh(dir, "bp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        Path accessLog = dir.resolve("access.log");
        appliance = TestAppliance.start(dir, secretKey, List.of("--complete-after", "40s", "--cancel-rate", "0.2",
                "--new-job-every", "1s", "--access-log", accessLog.toString()));
        Path policy = TestAppliance.policyFile(dir);
        for (int n = 1; n <= 3; n++) {
            Map<String, String> env = database.nodeEnvironment(appliance, policy, database.url, n, dir.resolve("audit-" + n + ".log"));
            env.put("ESCALATION_CRON", "0/5 * * * * ?");
            env.put("ESCALATION_EVENTS_DELAY", DELAY.toSeconds() + "s");
            nodes.add(JavaProcess.start(dir, "node-" + n, List.of(), "sample.jar", List.of(), env));
        }
        for (JavaProcess node : nodes) {
            node.awaitOutput("(Job events: polled every 10s for \\S+, by one node of the cluster at a time, state in the cluster's database)", 90);
        }

        // Wait for reports to start, then for the node that reports them to report a little more, and kill it.
        Report first = awaitReport(null, 90);
        Instant firstReported = first.at();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> awaitReport(null, 1).at().isAfter(firstReported.plus(DELAY)));
        Report latest = awaitReport(null, 30);
        int polling = latest.node();
        nodes.get(polling - 1).kill();
        Instant killedAt = Instant.now();

        // Another node takes over: it reports, and the appliance sees it poll.
        Report takeover = awaitReport(polling, 60);
        // what ended by now must be reported by the nodes left, however slow their polls come
        Instant lastCounted = Instant.now();
        List<String> due = appliance.api.endingsBetween(firstReported, lastCounted).stream().map(Ds3Api::asSampleLogs).toList();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(reports().stream().map(Report::job).toList()).containsAll(due));
        // and the survivors keep polling for a few periods, so that the count of polls below spans the takeover
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                polls(accessLog).stream().filter(p -> p.isAfter(killedAt)).count() >= 4);
        for (JavaProcess node : nodes) {
            node.close();
        }

        List<Report> reports = reports();
        List<Instant> polls = polls(accessLog);
        System.out.println("node-" + polling + " killed; node-" + takeover.node() + " reported at " + takeover.at() + "; "
                + reports.size() + " endings reported, " + polls.size() + " polls of the completed list");

        // No ending missing: every one between the first report and the last poll counted is reported.
        Map<String, List<Report>> byJob = new TreeMap<>();
        reports.forEach(r -> byJob.computeIfAbsent(r.job(), k -> new ArrayList<>()).add(r));
        List<String> onAppliance = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (String resource : List.of("completed_job", "canceled_job")) {
            String verb = resource.equals("completed_job") ? "completed" : "canceled";
            for (Ds3Api.Ended job : appliance.api.endedJobs(resource)) {
                onAppliance.add(job.name() + " " + verb);
                if (job.at().isAfter(firstReported) && job.at().isBefore(lastCounted)) {
                    expected.add(job.name() + " " + verb);
                }
            }
        }
        assertThat(expected).as("endings while the cluster watched, across the kill").hasSizeGreaterThan(10);
        assertThat(byJob.keySet()).as("every ending reported").containsAll(expected);
        assertThat(onAppliance).as("nothing reported that did not happen").containsAll(byJob.keySet());

        // Once across the cluster; the only repeats allowed: the killed node's batch in flight, reported again once.
        Instant killedNodesLast = reports.stream().filter(r -> r.node() == polling).map(Report::at).max(Instant::compareTo).orElseThrow();
        byJob.forEach((job, reported) -> {
            if (reported.size() > 1) {
                assertThat(reported).as("%s reported more than once", job).hasSize(2);
                assertThat(reported.get(0).node()).as("%s: first reported by the killed node", job).isEqualTo(polling);
                assertThat(reported.get(0).at()).as("%s: in the killed node's last batch", job)
                        .isAfter(killedNodesLast.minusSeconds(2));
                assertThat(reported.get(1).node()).isNotEqualTo(polling);
            }
        });

        // One poller for the cluster: about one poll of the ending lists per period, not one per node.
        Instant windowStart = polls.get(0);
        Instant windowEnd = polls.get(polls.size() - 1);
        long periods = Duration.between(windowStart, windowEnd).toMillis() / DELAY.toMillis();
        // a node per period, not one per node: three nodes would poll about three times a period. The slot the killed
        // node held is run again once the cluster notices (Quartz recovery), and a slot that misfired meanwhile fires at
        // once: up to two polls more than the periods, right after the takeover.
        assertThat(polls.size() - 1L).as("polls of the completed list over %d periods: %s", periods, polls)
                .isBetween(periods - 3, periods + 3);
        Instant firstPollAfterKill = polls.stream().filter(p -> p.isAfter(killedAt)).findFirst().orElseThrow();
        assertThat(Duration.between(killedAt, firstPollAfterKill)).as("another node polled within two periods of the kill")
                .isLessThanOrEqualTo(DELAY.multipliedBy(2).plusSeconds(2));
        for (JavaProcess node : nodes) {
            assertThat(node.output()).doesNotContain(secretKey).doesNotContain(database.password);
        }
    }

    /** Waits for an ending reported by any node but {@code except}; returns the latest such report. */
    private Report awaitReport(Integer except, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            Report latest = reports().stream().filter(r -> except == null || r.node() != except)
                    .max(Comparator.comparing(Report::at)).orElse(null);
            if (latest != null) {
                return latest;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no job event reported within " + seconds + " s" + (except == null ? "" : " by a node but node-" + except));
    }

    /** Every ending each node reported, in time order (the console's times are this machine's local times of today). */
    private List<Report> reports() throws Exception {
        List<Report> reports = new ArrayList<>();
        for (int n = 1; n <= nodes.size(); n++) {
            Matcher m = ENDED_LINE.matcher(nodes.get(n - 1).output());
            while (m.find()) {
                Instant at = LocalTime.parse(m.group(1)).atDate(LocalDate.now()).atZone(ZoneId.systemDefault()).toInstant();
                reports.add(new Report(m.group(2) + " " + m.group(3), n, at));
            }
        }
        reports.sort(Comparator.comparing(Report::at));
        return reports;
    }

    private static List<Instant> polls(Path accessLog) throws Exception {
        List<Instant> polls = new ArrayList<>();
        for (String line : Files.readAllLines(accessLog, StandardCharsets.UTF_8)) {
            Matcher m = POLL.matcher(line);
            if (m.matches()) {
                polls.add(Instant.parse(m.group(1)));
            }
        }
        return polls;
    }
}
