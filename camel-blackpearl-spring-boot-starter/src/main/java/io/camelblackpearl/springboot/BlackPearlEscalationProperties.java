package io.camelblackpearl.springboot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code blackpearl.escalation.*}: the Quartz-triggered priority escalation, opt-in. */
@ConfigurationProperties(prefix = "blackpearl.escalation")
public class BlackPearlEscalationProperties {

    /**
     * Whether to run the escalation: a Quartz route that lists the active jobs and raises those the policy says
     * are due. Off by default; when off, no escalation route exists and no modify is sent.
     */
    private boolean enabled;

    /**
     * When to run, as a Quartz cron expression (seconds first), e.g. 0 0/5 * * * ? for every five minutes (the default).
     */
    private String cron = "0 */5 * * * ?";

    /**
     * The escalation policy (YAML, see docs/escalation.md): classpath:..., file:... or a plain file path.
     */
    private String policyFile;

    /**
     * true decides and audits but sends no modify, whatever the policy says; false or unset leaves it to the
     * policy's own dryRun (a policy that says dry run stays one: applying is a change of the policy file).
     */
    private Boolean dryRun;

    /**
     * How many schedule periods may pass without a successful run before the health check
     * blackpearl-escalation is DOWN.
     */
    private int healthPeriods = 3;

    /**
     * A file that keeps the deadline projections' progress history across restarts; unset, it lives in memory
     * (in clustered mode the cluster's database keeps it).
     */
    private String progressFile;

    /**
     * Clustered escalation (Quartz JDBC job store), as the sample's escalation.cluster.* settings.
     */
    private final Cluster cluster = new Cluster();

    /** {@code blackpearl.escalation.cluster.*}. */
    public static class Cluster {

        /**
         * The Quartz job store's database: jdbc:postgresql:... or jdbc:h2:...; setting it asks for clustered mode.
         */
        private String jdbcUrl;

        /**
         * The database user, owner of the database.
         */
        private String username;

        /**
         * Its password. Masked in the actuator endpoints.
         */
        private String password;

        /**
         * This node's Quartz instance id; default Quartz's AUTO.
         */
        private String nodeId;

        /**
         * How often a node checks in with the others.
         */
        private Duration checkinInterval = Duration.ofSeconds(5);

        public String getJdbcUrl() {
            return jdbcUrl;
        }

        public void setJdbcUrl(String jdbcUrl) {
            this.jdbcUrl = jdbcUrl;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getNodeId() {
            return nodeId;
        }

        public void setNodeId(String nodeId) {
            this.nodeId = nodeId;
        }

        public Duration getCheckinInterval() {
            return checkinInterval;
        }

        public void setCheckinInterval(Duration checkinInterval) {
            this.checkinInterval = checkinInterval;
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getCron() {
        return cron;
    }

    public void setCron(String cron) {
        this.cron = cron;
    }

    public String getPolicyFile() {
        return policyFile;
    }

    public void setPolicyFile(String policyFile) {
        this.policyFile = policyFile;
    }

    public Boolean getDryRun() {
        return dryRun;
    }

    public void setDryRun(Boolean dryRun) {
        this.dryRun = dryRun;
    }

    public int getHealthPeriods() {
        return healthPeriods;
    }

    public void setHealthPeriods(int healthPeriods) {
        this.healthPeriods = healthPeriods;
    }

    public String getProgressFile() {
        return progressFile;
    }

    public void setProgressFile(String progressFile) {
        this.progressFile = progressFile;
    }

    public Cluster getCluster() {
        return cluster;
    }
}
