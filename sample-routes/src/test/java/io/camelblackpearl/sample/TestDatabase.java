package io.camelblackpearl.sample;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.h2.tools.Server;

/**
 * A fresh, empty database for one cluster test: on the PostgreSQL server that {@code .ci/run} starts
 * (BLACKPEARL_TEST_PG_URL, _USER, _PASSWORD), or, when none is configured, on an H2 server started here,
 * which the test says.
 */
final class TestDatabase implements AutoCloseable {

    final String url;
    final String username;
    final String password;
    final String kind;
    private final Server h2;

    private TestDatabase(String url, String username, String password, String kind, Server h2) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.kind = kind;
        this.h2 = h2;
    }

    static TestDatabase fresh(Path dir, String name) throws Exception {
        String admin = System.getenv("BLACKPEARL_TEST_PG_URL");
        if (admin != null && !admin.isBlank()) {
            String user = System.getenv("BLACKPEARL_TEST_PG_USER");
            String password = System.getenv("BLACKPEARL_TEST_PG_PASSWORD");
            try (Connection connection = DriverManager.getConnection(admin, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            return new TestDatabase(admin.substring(0, admin.lastIndexOf('/') + 1) + name, user, password, "PostgreSQL", null);
        }
        System.out.println("BLACKPEARL_TEST_PG_URL is not set: the cluster test runs on an H2 server instead of PostgreSQL");
        Server server = Server.createTcpServer("-tcp", "-tcpPort", "0", "-ifNotExists", "-baseDir", dir.toString()).start();
        return new TestDatabase("jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/" + name, "blackpearl", "h2-secret", "H2", server);
    }

    /**
     * The environment of node {@code n} of a sample cluster on this database, as docs/clustering.md says to set
     * it: the appliance, the policy, no run limit, an audit file, the cluster's settings with a 2 s check-in.
     * {@code jdbcUrl} is this database's URL, or the same reached another way (through a forwarder).
     */
    Map<String, String> nodeEnvironment(TestAppliance appliance, Path policy, String jdbcUrl, int n, Path audit) {
        return nodeEnvironment(appliance.endpoint, appliance.secretKey, policy, jdbcUrl, n, audit);
    }

    /** The same for an appliance at {@code endpoint} that accepts {@link TestAppliance#ACCESS_KEY} with {@code secretKey}. */
    Map<String, String> nodeEnvironment(String endpoint, String secretKey, Path policy, String jdbcUrl, int n, Path audit) {
        Map<String, String> env = new TreeMap<>();
        env.put("CAMEL_COMPONENT_BLACKPEARL_ENDPOINT", endpoint);
        env.put("CAMEL_COMPONENT_BLACKPEARL_ACCESS_KEY", TestAppliance.ACCESS_KEY);
        env.put("CAMEL_COMPONENT_BLACKPEARL_SECRET_KEY", secretKey);
        env.put("ESCALATION_POLICY_FILE", policy.toString());
        env.put("ESCALATION_MAX_RUNS", "0");
        env.put("ESCALATION_AUDIT_FILE", audit.toString());
        env.put("ESCALATION_CLUSTER_JDBC_URL", jdbcUrl);
        env.put("ESCALATION_CLUSTER_USERNAME", username);
        env.put("ESCALATION_CLUSTER_PASSWORD", password);
        env.put("ESCALATION_CLUSTER_NODE_ID", "node-" + n);
        env.put("ESCALATION_CLUSTER_CHECKIN_INTERVAL", "2s");
        return env;
    }

    @Override
    public void close() {
        if (h2 != null) {
            h2.stop();
        }
    }
}
