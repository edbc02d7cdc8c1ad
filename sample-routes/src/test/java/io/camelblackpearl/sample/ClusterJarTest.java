package io.camelblackpearl.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;

/**
 * The escalation on a cluster as a user runs it: the sample's runnable jar as separate node processes,
 * configured by environment variables only, one simulator CLI process, one database (PostgreSQL from
 * .ci/run, else an H2 server). What ran where is read from each node's audit file (node= and fire= on
 * every line), what was escalated over the DS3 API.
 */
class ClusterJarTest {

    private static final Pattern LINE = Pattern.compile("escalation (?:run|job=(\\S+)) .*?node=(\\S+) fire=(\\S+)(?: outcome=(\\w+))?");

    @TempDir
    Path dir;

    private final String secretKey = "s3cr3t-" + UUID.randomUUID();
    private TestAppliance appliance;
    private TestDatabase database;
    private Path policy;
    private final List<JavaProcess> nodes = new ArrayList<>();

    /** One audit line: a decision (job and outcome set) or a run's summary (neither). */
    private record AuditLine(String node, Instant fire, String job, String outcome) {
        boolean summary() {
            return job == null;
        }
    }

    @BeforeEach
    void start() throws Exception {
        policy = TestAppliance.policyFile(dir);
        database = TestDatabase.fresh(dir, "bp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    @AfterEach
    void stop() throws Exception {
        for (JavaProcess node : nodes) {
            node.close();
        }
        if (appliance != null) {
            appliance.close();
        }
        database.close();
    }

    private JavaProcess node(int n) throws IOException {
        return node(n, Map.of());
    }

    private JavaProcess node(int n, Map<String, String> overrides) throws IOException {
        Map<String, String> env = database.nodeEnvironment(appliance, policy, database.url, n, audit(n));
        env.put("ESCALATION_CRON", "0/2 * * * * ?");
        env.putAll(overrides);
        JavaProcess node = JavaProcess.start(dir, "node-" + n + "-" + nodes.size(), List.of(), "sample.jar", List.of(), env);
        nodes.add(node);
        return node;
    }

    private Path audit(int n) {
        return dir.resolve("audit-node-" + n + ".log");
    }

    private List<AuditLine> auditLines() throws IOException {
        List<AuditLine> lines = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            if (!Files.exists(audit(n))) {
                continue;
            }
            for (String line : Files.readAllLines(audit(n), StandardCharsets.UTF_8)) {
                Matcher m = LINE.matcher(line);
                if (m.find()) {
                    lines.add(new AuditLine(m.group(2), Instant.parse(m.group(3)), m.group(1), m.group(4)));
                }
            }
        }
        return lines;
    }

    private Set<Instant> summarizedSlots() throws IOException {
        return auditLines().stream().filter(AuditLine::summary).map(AuditLine::fire).collect(Collectors.toCollection(TreeSet::new));
    }

    private void awaitSlots(int count, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (summarizedSlots().size() < count) {
            assertThat(System.nanoTime()).as("%d slots within %d s; so far %s", count, seconds, summarizedSlots()).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    /** Slots by the nodes that ran (part of) them. */
    private Map<Instant, Set<String>> nodesBySlot() throws IOException {
        return auditLines().stream().collect(Collectors.groupingBy(AuditLine::fire, TreeMap::new,
                Collectors.mapping(AuditLine::node, Collectors.toCollection(TreeSet::new))));
    }

    @Test
    void threeNodesRunEachSlotOnceAndEscalateEachDueJobOnce() throws Exception {
        appliance = TestAppliance.start(dir, secretKey, List.of());
        for (int n = 1; n <= 3; n++) {
            node(n);
        }
        awaitSlots(10, 150);
        for (JavaProcess node : nodes) {
            node.close();
        }

        List<AuditLine> lines = auditLines();
        Map<Instant, List<AuditLine>> summaries = lines.stream().filter(AuditLine::summary)
                .collect(Collectors.groupingBy(AuditLine::fire));
        assertThat(summaries).hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy((slot, runs) -> assertThat(runs).as("runs of slot %s", slot).hasSize(1));
        assertThat(nodesBySlot()).allSatisfy((slot, ran) -> assertThat(ran).as("nodes of slot %s", slot).hasSize(1));
        Map<String, Long> appliedPerJob = lines.stream().filter(l -> "APPLIED".equals(l.outcome()))
                .collect(Collectors.groupingBy(AuditLine::job, Collectors.counting()));
        assertThat(appliedPerJob).isNotEmpty().allSatisfy((job, times) -> assertThat(times).as("modifies of %s", job).isEqualTo(1));
        appliance.assertDueJobsRaised(Instant.now());
        for (JavaProcess node : nodes) {
            assertThat(node.output()).doesNotContain(secretKey).doesNotContain(database.password);
        }
    }

    @Test
    void killingTheNodeMidSweepLosesNothing() throws Exception {
        // ~180 due jobs at 60 ms a modify: a first sweep of about 11 s
        appliance = TestAppliance.start(dir, secretKey, List.of("--fault", "modify:delay=60ms"));
        for (int n = 1; n <= 3; n++) {
            node(n);
        }
        AuditLine sweeping = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (sweeping == null) {
            assertThat(System.nanoTime()).as("a sweep started").isLessThan(deadline);
            Map<String, List<AuditLine>> applied = auditLines().stream().filter(l -> "APPLIED".equals(l.outcome()))
                    .collect(Collectors.groupingBy(AuditLine::node));
            sweeping = applied.values().stream().filter(l -> l.size() >= 15).map(l -> l.get(l.size() - 1)).findFirst().orElse(null);
            Thread.sleep(100);
        }
        int killed = Integer.parseInt(sweeping.node().substring("node-".length()));
        nodes.get(killed - 1).kill();
        Instant killedAt = Instant.now();

        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!appliance.allDueJobsRaised()) {
            assertThat(System.nanoTime()).as("a survivor finished the sweep within 60 s of the kill").isLessThan(deadline);
            Thread.sleep(500);
        }
        Duration failover = Duration.between(killedAt, Instant.now());
        Instant killedSlot = sweeping.fire();
        String killedNode = sweeping.node();
        long slotsAfter = 0;
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (slotsAfter < 2) {
            assertThat(System.nanoTime()).as("the survivors go on firing").isLessThan(deadline);
            slotsAfter = auditLines().stream().filter(l -> l.summary() && l.fire().isAfter(killedSlot)
                    && !l.node().equals(killedNode)).count();
            Thread.sleep(250);
        }
        for (JavaProcess node : nodes) {
            node.close();
        }

        System.out.println("killed " + killedNode + " in slot " + killedSlot + "; every due job escalated " + failover.toMillis()
                + " ms later");
        appliance.assertDueJobsRaised(Instant.now());
        assertThat(nodesBySlot()).allSatisfy((slot, ran) -> {
            if (!slot.equals(killedSlot)) {
                assertThat(ran).as("nodes of slot %s", slot).hasSize(1);
            }
        });
    }

    /**
     * docs/clustering.md's recipe for any Camel application: no ESCALATION_CLUSTER_* at all, only the user's
     * application.properties and quartz.properties, and the tables created beforehand from the quartz jar.
     */
    @Test
    void anyCamelAppClusteredByPropertiesFilesOnly() throws Exception {
        appliance = TestAppliance.start(dir, secretKey, List.of());
        boolean postgres = database.kind.equals("PostgreSQL");
        createQuartzTablesAsTheDocsSay(postgres);
        Path quartz = dir.resolve("quartz.properties");
        Files.writeString(quartz, String.join("\n",
                "org.quartz.scheduler.instanceName = my-escalation",
                "org.quartz.scheduler.instanceId = AUTO",
                "org.quartz.threadPool.threadCount = 3",
                "org.quartz.jobStore.class = org.quartz.impl.jdbcjobstore.JobStoreTX",
                "org.quartz.jobStore.driverDelegateClass = org.quartz.impl.jdbcjobstore."
                        + (postgres ? "PostgreSQLDelegate" : "StdJDBCDelegate"),
                "org.quartz.jobStore.dataSource = escalation",
                "org.quartz.jobStore.isClustered = true",
                "org.quartz.jobStore.clusterCheckinInterval = 2000",
                "org.quartz.jobStore.acquireTriggersWithinLock = true",
                "org.quartz.jobStore.misfireThreshold = 5000",
                "org.quartz.dataSource.escalation.provider = hikaricp",
                "org.quartz.dataSource.escalation.driver = " + (postgres ? "org.postgresql.Driver" : "org.h2.Driver"),
                "org.quartz.dataSource.escalation.URL = " + database.url,
                "org.quartz.dataSource.escalation.user = " + database.username,
                "org.quartz.dataSource.escalation.password = " + database.password,
                "org.quartz.dataSource.escalation.maxConnections = 5", ""), StandardCharsets.UTF_8);
        for (int n = 1; n <= 2; n++) {
            Path app = dir.resolve("application-" + n + ".properties");
            Files.writeString(app, String.join("\n",
                    "camel.main.name = my-escalation",
                    "camel.component.quartz.prefix-instance-name = false",
                    "camel.component.quartz.properties-file = file:" + quartz,
                    "camel.component.blackpearl.endpoint = " + appliance.endpoint,
                    "camel.component.blackpearl.access-key = " + TestAppliance.ACCESS_KEY,
                    "camel.component.blackpearl.secret-key = " + secretKey,
                    "escalation.policy-file = " + policy,
                    "escalation.cron = 0/2 * * * * ?",
                    "escalation.max-runs = 0", ""), StandardCharsets.UTF_8);
            nodes.add(JavaProcess.start(dir, "app-" + n, List.of(), "sample.jar", List.of("-pl", "file:" + app),
                    Map.of("ESCALATION_AUDIT_FILE", audit(n).toString())));
        }
        awaitSlots(6, 150);
        for (JavaProcess node : nodes) {
            node.close();
        }
        Map<Instant, Long> runsPerSlot = auditLines().stream().filter(AuditLine::summary)
                .collect(Collectors.groupingBy(AuditLine::fire, Collectors.counting()));
        assertThat(runsPerSlot).hasSizeGreaterThanOrEqualTo(6).allSatisfy((slot, runs) -> assertThat(runs).as("runs of %s", slot).isEqualTo(1));
        appliance.assertDueJobsRaised(Instant.now());
    }

    /** What docs/clustering.md tells a user to run once: the quartz jar's DDL without its DROP lines. */
    private void createQuartzTablesAsTheDocsSay(boolean postgres) throws Exception {
        String script;
        try (InputStream in = StdJDBCDelegate.class.getResourceAsStream(
                "/org/quartz/impl/jdbcjobstore/" + (postgres ? "tables_postgres.sql" : "tables_h2.sql"))) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String withoutDrops = script.lines().filter(l -> !l.startsWith("DROP") && !l.startsWith("--"))
                .collect(Collectors.joining("\n"));
        try (Connection connection = DriverManager.getConnection(database.url, database.username, database.password);
             Statement statement = connection.createStatement()) {
            for (String ddl : withoutDrops.split(";")) {
                if (!ddl.isBlank() && !ddl.trim().equalsIgnoreCase("COMMIT")) {
                    statement.execute(ddl);
                }
            }
        }
    }

    /** A setting that would break failover or double-fire stops the node before any request, naming it. */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "ESCALATION_CLUSTER_JDBC_URL                 | jdbc:mysql://127.0.0.1/quartz | escalation.cluster.jdbc-url (environment variable ESCALATION_CLUSTER_JDBC_URL): 'jdbc:mysql://127.0.0.1/quartz': expected a jdbc:postgresql: or jdbc:h2: URL",
        "ESCALATION_CLUSTER_CHECKIN_INTERVAL         | soon                          | escalation.cluster.checkin-interval (environment variable ESCALATION_CLUSTER_CHECKIN_INTERVAL): 'soon'",
        "CAMEL_COMPONENT_QUARTZ_PREFIX_INSTANCE_NAME | true                          | Clustered escalation needs camel.component.quartz.prefix-instance-name=false",
        "ESCALATION_EVENTS_DELAY                     | 7s                            | escalation.events.delay (environment variable ESCALATION_EVENTS_DELAY): '7s': in a cluster the polls follow a clock-aligned schedule",
        "ESCALATION_EVENTS_STATE_FILE                | /tmp/job-events.state         | escalation.events.state-file (environment variable ESCALATION_EVENTS_STATE_FILE): '/tmp/job-events.state': in a cluster the job events' state lives in the cluster's database",
    })
    void aSettingThatBreaksTheClusterIsRefused(String variable, String value, String message) throws Exception {
        appliance = TestAppliance.start(dir, secretKey, List.of());
        JavaProcess node = node(1, Map.of(variable, value));
        assertThat(node.awaitExit(90)).isNotZero();
        assertThat(node.output()).contains(message).doesNotContain(database.password);
        assertThat(appliance.api.activeJobs()).isEqualTo(appliance.before);
    }

    @Test
    void restartingEveryNodeResumesWithoutCatchingUpMissedSlots() throws Exception {
        appliance = TestAppliance.start(dir, secretKey, List.of());
        node(1);
        node(2);
        awaitSlots(3, 120);
        for (JavaProcess node : nodes) {
            node.close();
        }
        Instant stoppedAt = Instant.now();
        Thread.sleep(9_000);
        Instant restartedAt = Instant.now();
        int before = summarizedSlots().size();
        node(1);
        node(2);
        awaitSlots(before + 2, 120);
        Set<Instant> missed = summarizedSlots().stream().filter(s -> s.isAfter(stoppedAt) && s.isBefore(restartedAt))
                .collect(Collectors.toSet());
        assertThat(missed).as("slots of the stopped time run after the restart").isEmpty();
        assertThat(nodesBySlot()).allSatisfy((slot, ran) -> assertThat(ran).as("nodes of slot %s", slot).hasSize(1));
    }
}
