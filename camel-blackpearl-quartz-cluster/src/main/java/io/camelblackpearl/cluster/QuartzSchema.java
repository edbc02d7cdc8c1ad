package io.camelblackpearl.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;

/**
 * Creates Quartz's tables on first start, from the DDL inside the quartz jar without its DROP statements,
 * and never drops anything. Several nodes may start at once: on PostgreSQL they queue on an advisory
 * lock inside the creating transaction (PostgreSQL's DDL is transactional); on H2, whose DDL commits as it
 * goes, every statement is written to succeed when the object is already there, and a race is run again.
 */
public final class QuartzSchema {

    /** Any number: it only has to be the same on every node. */
    private static final long ADVISORY_LOCK = 0x42_4c_41_43_4b_50_45_4cL;

    private QuartzSchema() {
    }

    /**
     * True when it created the tables, false when they were there. On H2 two nodes starting at once can both find
     * a constraint absent and both add it (its check and its DDL are not one step): the loser's whole script, each
     * statement idempotent, is run again, and then finds everything there.
     */
    public static boolean createIfAbsent(DataSource dataSource, boolean postgres) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return createOnce(dataSource, postgres);
            } catch (SQLException e) {
                if (postgres || attempt == 3) {
                    throw e;
                }
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static boolean createOnce(DataSource dataSource, boolean postgres) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                if (postgres) {
                    statement.execute("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK + ")");
                }
                if (exists(connection.getMetaData())) {
                    connection.commit();
                    return false;
                }
                for (String ddl : statements(postgres)) {
                    statement.execute(ddl);
                }
                connection.commit();
                return true;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static boolean exists(DatabaseMetaData metaData) throws SQLException {
        for (String name : List.of("QRTZ_LOCKS", "qrtz_locks")) {
            try (ResultSet tables = metaData.getTables(null, null, name, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The jar's script, comments and DROP/COMMIT removed; for H2 each statement made idempotent. */
    public static List<String> statements(boolean postgres) {
        String resource = "/org/quartz/impl/jdbcjobstore/" + (postgres ? "tables_postgres.sql" : "tables_h2.sql");
        String script;
        try (InputStream in = StdJDBCDelegate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The quartz jar has no " + resource);
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder code = new StringBuilder();
        for (String line : script.split("\\R")) {
            if (!line.trim().startsWith("--")) {
                code.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String raw : code.toString().split(";")) {
            String ddl = raw.trim();
            String upper = ddl.toUpperCase(Locale.ROOT);
            if (ddl.isEmpty() || upper.startsWith("DROP") || upper.startsWith("COMMIT")) {
                continue;
            }
            if (!postgres) {
                ddl = ddl.replaceFirst("(?i)^CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ")
                        .replaceFirst("(?i)^CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ")
                        .replaceFirst("(?is)\\bADD\\s+CONSTRAINT ", "ADD CONSTRAINT IF NOT EXISTS ");
            }
            statements.add(ddl);
        }
        return statements;
    }
}
