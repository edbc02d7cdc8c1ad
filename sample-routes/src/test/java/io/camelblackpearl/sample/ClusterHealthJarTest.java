package io.camelblackpearl.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Health on a cluster, over HTTP as a readiness probe sees it: two sample jars on one database, which
 * they reach through a forwarder that the test cuts for a while. Every node, the one that runs the slots
 * and the standby alike, must report the cluster's verdict: UP while the cluster escalates, DOWN during
 * the outage (database unreachable), UP again after it.
 */
class ClusterHealthJarTest {

    private static final Pattern SUMMARY = Pattern.compile("(?m)^\\S+ escalation run node=(\\S+) fire=(\\S+) ");
    private static final Pattern DB_PORT = Pattern.compile("127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    private final String secretKey = "s3cr3t-" + UUID.randomUUID();
    private TestAppliance appliance;
    private TestDatabase database;
    private TcpProxy proxy;
    private final List<JavaProcess> nodes = new ArrayList<>();
    private final List<URI> health = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() throws Exception {
        for (JavaProcess node : nodes) {
            node.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (appliance != null) {
            appliance.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void everyNodeReportsTheClustersVerdictThroughADatabaseOutage() throws Exception {
        database = TestDatabase.fresh(dir, "bp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        Matcher db = DB_PORT.matcher(database.url);
        assertThat(db.find()).as(database.url).isTrue();
        proxy = new TcpProxy("127.0.0.1", Integer.parseInt(db.group(1)));
        String viaProxy = database.url.substring(0, db.start(1)) + proxy.port() + database.url.substring(db.end(1));
        appliance = TestAppliance.start(dir, secretKey, List.of());
        Path policy = TestAppliance.policyFile(dir);
        for (int n = 1; n <= 2; n++) {
            int port = JavaProcess.freePort();
            Map<String, String> env = database.nodeEnvironment(appliance, policy, viaProxy, n, audit(n));
            env.put("ESCALATION_CRON", "0/2 * * * * ?");
            env.put("ESCALATION_HEALTH_PERIODS", "2");
            env.put("ESCALATION_EVENTS_DELAY", "2s");
            env.put("CAMEL_SERVER_PORT", Integer.toString(port));
            nodes.add(JavaProcess.start(dir, "node-" + n, List.of(), "sample.jar", List.of(), env));
            health.add(URI.create("http://127.0.0.1:" + port + "/observe/health?data=true"));
        }
        for (JavaProcess node : nodes) {
            node.awaitOutput("(Clustered: node )", 90);
        }

        // Both UP together, for longer than the escalation's allowance of 2 periods (4 s) without a run of their own.
        awaitAll(200, 60);
        Map<String, Integer> before = slotsByNode();
        for (int i = 0; i < 12; i++) {
            for (int n = 0; n < nodes.size(); n++) {
                HttpResponse<String> answer = get(health.get(n));
                assertThat(answer.statusCode()).as("node-%d while the cluster escalates: %s", n + 1, answer.body()).isEqualTo(200);
                assertThat(answer.body()).contains("\"name\":\"blackpearl-escalation\",\"status\":\"UP\"",
                        "\"name\":\"blackpearl-cluster\",\"status\":\"UP\"", "\"name\":\"consumer:job-events\",\"status\":\"UP\"",
                        "\"scope\":\"cluster\"");
            }
            Thread.sleep(1000);
        }
        int slotsBefore = before.values().stream().mapToInt(Integer::intValue).sum();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).alias("the cluster escalates")
                .until(() -> slotsByNode().values().stream().mapToInt(Integer::intValue).sum() > slotsBefore + 3);
        System.out.println("slots run per node while both were UP: before " + before + ", after " + slotsByNode());

        // The database goes away: every node says so, and the escalation, which cannot run, is DOWN.
        proxy.cut();
        List<String> down = awaitAll(503, 60);
        for (String body : down) {
            assertThat(body).contains("\"name\":\"blackpearl-cluster\",\"status\":\"DOWN\"", "unreachable")
                    .doesNotContain(database.password).doesNotContain(secretKey);
        }
        Thread.sleep(10_000); // the outage lasts a while: several slots come due meanwhile

        // It comes back: every node UP again, and the slots run once each, as before.
        proxy.restore();
        awaitAll(200, 90);
        int total = slotsByNode().values().stream().mapToInt(Integer::intValue).sum();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).alias("runs resumed")
                .until(() -> slotsByNode().values().stream().mapToInt(Integer::intValue).sum() > total);
        for (JavaProcess node : nodes) {
            node.close();
        }
        Map<String, Long> runsPerSlot = new HashMap<>();
        for (int n = 1; n <= 2; n++) {
            Matcher m = SUMMARY.matcher(Files.exists(audit(n)) ? Files.readString(audit(n)) : "");
            while (m.find()) {
                runsPerSlot.merge(m.group(2), 1L, Long::sum);
            }
        }
        assertThat(runsPerSlot).allSatisfy((slot, runs) -> assertThat(runs).as("runs of slot %s", slot).isEqualTo(1));
    }

    private Path audit(int n) {
        return dir.resolve("audit-node-" + n + ".log");
    }

    private Map<String, Integer> slotsByNode() throws Exception {
        Map<String, Integer> slots = new HashMap<>();
        for (int n = 1; n <= 2; n++) {
            Matcher m = SUMMARY.matcher(Files.exists(audit(n)) ? Files.readString(audit(n)) : "");
            int count = 0;
            while (m.find()) {
                count++;
            }
            slots.put("node-" + n, count);
        }
        return slots;
    }

    /** Waits until every node's health answers {@code status}; returns the bodies. */
    private List<String> awaitAll(int status, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<String> bodies = new ArrayList<>();
        while (true) {
            bodies.clear();
            boolean all = true;
            for (URI uri : health) {
                try {
                    HttpResponse<String> answer = get(uri);
                    bodies.add(answer.body());
                    all &= answer.statusCode() == status;
                } catch (ConnectException notServingYet) {
                    bodies.add("(not serving yet)");
                    all = false;
                }
            }
            if (all) {
                return bodies;
            }
            assertThat(System.nanoTime()).as("every node's health %d within %d s; last: %s", status, seconds, bodies).isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
