package io.camelblackpearl.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own job-event route on a cluster of two packaged applications on one database (PostgreSQL from
 * .ci/run, else an H2 server): polled by one node at a time on a clustered schedule, its state in the
 * cluster's database, its downstream failing the first delivery of half of the endings on each node. A
 * failed event is kept in the shared state, so whichever node polls next delivers it again. Checked from
 * outside, on the appliance's completed and canceled lists: every ending while the cluster watched reaches
 * the success path of one node, once.
 */
class ClusterFailedEventJarTest {

    @TempDir
    Path dir;

    private final String secretKey = "s3cr3t-" + UUID.randomUUID();
    private TestAppliance appliance;
    private TestDatabase database;
    private final List<JavaProcess> nodes = new ArrayList<>();

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
    void aFailedEventIsDeliveredAgainByWhicheverNodePollsNext() throws Exception {
        database = TestDatabase.fresh(dir, "bp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        appliance = TestAppliance.start(dir, secretKey, List.of("--complete-after", "30s", "--cancel-rate", "0.2",
                "--new-job-every", "500ms"));
        Path routes = dir.resolve("my-job-events.yaml");
        // The clustered schedule and the cluster's shared state, as docs/component.md shows for any Camel app;
        // the sample binds the cluster's state as blackpearlClusterState in clustered mode.
        Files.writeString(routes, """
                - beans:
                    - name: myEventScheduler
                      type: io.camelblackpearl.cluster.ClusterPollScheduler
                      constructors:
                        0: my-job-events
                        1: "0/2 * * * * ?"
                """ + FailingUserRoute.yaml("""
                        scheduler: "#myEventScheduler"
                        stateRepository: "#blackpearlClusterState"
                        events: COMPLETED,CANCELED
                """));
        Path policy = TestAppliance.policyFile(dir);
        for (int n = 1; n <= 2; n++) {
            Map<String, String> env = database.nodeEnvironment(appliance, policy, database.url, n, dir.resolve("audit-" + n + ".log"));
            env.put("ESCALATION_CRON", "0/5 * * * * ?");
            env.put("ESCALATION_EVENTS_ENABLED", "false");
            env.put("CAMEL_MAIN_ROUTES_INCLUDE_PATTERN", "file:" + routes);
            nodes.add(JavaProcess.start(dir, "node-" + n, List.of(), "sample.jar", List.of(), env));
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> !delivered().isEmpty());
        Instant watchedFrom = Instant.now();
        await().atMost(Duration.ofSeconds(60)).until(() -> Instant.now().isAfter(watchedFrom.plusSeconds(20)));
        Instant watchedTo = Instant.now();
        List<String> expected = appliance.api.endingsBetween(watchedFrom, watchedTo);
        assertThat(expected).as("jobs end on their own meanwhile").hasSizeGreaterThan(10);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(delivered()).containsAll(expected));
        for (JavaProcess node : nodes) {
            node.close();
        }

        List<String> delivered = delivered();
        assertThat(delivered).as("each ending reaches one node's success path, once").doesNotHaveDuplicates();
        assertThat(appliance.api.endingsBetween(Instant.EPOCH, Instant.now())).as("nothing delivered that did not happen").containsAll(delivered);
        String outputs = nodes.get(0).output() + nodes.get(1).output();
        assertThat(outputs).as("first deliveries failed, unhandled").contains("the ticket system is down")
                .contains("delivered again at the next poll (onFailure=retry)");
        assertThat(outputs).doesNotContain(secretKey).doesNotContain(database.password);
    }

    /** What both nodes delivered, as "name EVENT". */
    private List<String> delivered() throws Exception {
        List<String> delivered = new ArrayList<>();
        for (JavaProcess node : nodes) {
            delivered.addAll(FailingUserRoute.delivered(node.output()));
        }
        return delivered;
    }
}
