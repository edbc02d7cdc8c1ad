package io.camelblackpearl.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * {@code blackpearl-cluster}: whether this node could run a slot, as far as the cluster goes: the
 * cluster's database answers. (Whether the appliance answers is the component's own check.) Readiness
 * only: a node that lost its database is alive and resumes by itself when the database is back.
 */
public class ClusterHealthCheck extends AbstractHealthCheck {

    private final DataSource dataSource;
    private final ClusterSettings settings;

    public ClusterHealthCheck(DataSource dataSource, ClusterSettings settings) {
        super("camel", "blackpearl-cluster");
        this.dataSource = dataSource;
        this.settings = settings;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("node", settings.nodeId()).detail("database", settings.jdbcUrl());
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(2)) {
                builder.up().message("The cluster's database answers");
                return;
            }
            builder.down().message("The cluster's database " + settings.jdbcUrl() + " does not answer");
        } catch (SQLException e) {
            builder.down().message("The cluster's database " + settings.jdbcUrl() + " is unreachable: " + e.getMessage());
        }
    }
}
