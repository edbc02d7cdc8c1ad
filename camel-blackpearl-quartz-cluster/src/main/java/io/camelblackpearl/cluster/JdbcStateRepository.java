package io.camelblackpearl.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A Camel {@link StateRepository} kept in the cluster's database, so that whatever node runs next reads
 * what the previous one wrote: the job-event consumer's watermark ({@code stateRepository=#…}) and the
 * escalation's last successful run. One row per key in {@code blackpearl_state}, created on start when
 * absent; a write is one upsert in its own transaction. A database error is thrown, never swallowed: a
 * poll that cannot save its state fails, and the next poll starts from the last saved state again.
 */
public class JdbcStateRepository extends ServiceSupport implements StateRepository<String, String> {

    /** The table, created when absent; the same on every node. */
    public static final String TABLE = "blackpearl_state";

    private final DataSource dataSource;
    private final boolean postgres;

    public JdbcStateRepository(DataSource dataSource, boolean postgres) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.postgres = postgres;
    }

    @Override
    protected void doStart() throws Exception {
        createTableIfAbsent(dataSource);
    }

    /** Creates {@value #TABLE} unless it exists; safe on several nodes at once. */
    public static void createTableIfAbsent(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try {
                statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE
                        + " (state_key VARCHAR(200) NOT NULL PRIMARY KEY, state_value TEXT NOT NULL, updated_at TIMESTAMP NOT NULL)");
            } catch (SQLException e) {
                // Two nodes creating it at the same moment: PostgreSQL refuses the second with a unique violation.
                if (!"23505".equals(e.getSQLState()) && !"42P07".equals(e.getSQLState())) {
                    throw e;
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    @Override
    public String getState(String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT state_value FROM " + TABLE + " WHERE state_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                String value = row.next() ? row.getString(1) : null;
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                return value;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the state '" + key + "' from the cluster's database: " + e.getMessage(), e);
        }
    }

    @Override
    public void setState(String key, String value) {
        String upsert = postgres
                ? "INSERT INTO " + TABLE + " (state_key, state_value, updated_at) VALUES (?, ?, CURRENT_TIMESTAMP)"
                        + " ON CONFLICT (state_key) DO UPDATE SET state_value = EXCLUDED.state_value, updated_at = EXCLUDED.updated_at"
                : "MERGE INTO " + TABLE + " (state_key, state_value, updated_at) KEY (state_key) VALUES (?, ?, CURRENT_TIMESTAMP)";
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(upsert)) {
            statement.setString(1, key);
            statement.setString(2, value);
            statement.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot save the state '" + key + "' in the cluster's database: " + e.getMessage(), e);
        }
    }

    @Override
    protected void doStop() {
        // the pool belongs to whoever made it
    }

    @Override
    public String toString() {
        return "the cluster's database (table " + TABLE + ")";
    }
}
