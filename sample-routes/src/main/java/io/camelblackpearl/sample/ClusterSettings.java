package io.camelblackpearl.sample;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.camel.spi.PropertiesComponent;

/**
 * The clustered mode's settings; clustered when {@code escalation.cluster.jdbc-url} is set. The password
 * never appears in {@link #toString()}.
 *
 * @param jdbcUrl          {@code jdbc:postgresql:…} or {@code jdbc:h2:…}: the database of Quartz's job store
 * @param username         the database user; it owns the database and creates the tables in its default schema
 * @param password         its password
 * @param nodeId           this node's Quartz instance id, or null for Quartz's AUTO (host name and time)
 * @param checkinInterval  how often a node tells the others it is alive; failover takes a few of these
 */
record ClusterSettings(String jdbcUrl, String username, String password, String nodeId, Duration checkinInterval) {

    static final String JDBC_URL = "escalation.cluster.jdbc-url";
    static final String USERNAME = "escalation.cluster.username";
    static final String PASSWORD = "escalation.cluster.password";
    static final String NODE_ID = "escalation.cluster.node-id";
    static final String CHECKIN_INTERVAL = "escalation.cluster.checkin-interval";
    static final List<String> KEYS = List.of(JDBC_URL, USERNAME, PASSWORD, NODE_ID, CHECKIN_INTERVAL);

    /** The settings when clustered mode is configured; empty otherwise. Bad values fail naming the setting. */
    static Optional<ClusterSettings> read(PropertiesComponent properties) {
        Optional<String> url = value(properties, JDBC_URL);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        String jdbcUrl = url.get().trim();
        if (!jdbcUrl.startsWith("jdbc:postgresql:") && !jdbcUrl.startsWith("jdbc:h2:")) {
            throw SampleSettings.invalid(JDBC_URL, jdbcUrl, "expected a jdbc:postgresql: or jdbc:h2: URL");
        }
        String interval = value(properties, CHECKIN_INTERVAL).orElse("5s");
        Duration checkin;
        try {
            checkin = parseDuration(interval);
        } catch (RuntimeException e) {
            throw SampleSettings.invalid(CHECKIN_INTERVAL, interval, "expected a duration such as 2s, 500ms, 1m or PT2S");
        }
        if (checkin.toMillis() < 100) {
            throw SampleSettings.invalid(CHECKIN_INTERVAL, interval, "it must be at least 100ms");
        }
        return Optional.of(new ClusterSettings(jdbcUrl, value(properties, USERNAME).orElse(null),
                value(properties, PASSWORD).orElse(null), value(properties, NODE_ID).orElse(null), checkin));
    }

    boolean postgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /** {@code 2s}, {@code 500ms}, {@code 1m} or ISO-8601 {@code PT2S}. */
    static Duration parseDuration(String text) {
        String v = text.trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("p")) {
            return Duration.parse(v.toUpperCase(Locale.ROOT));
        }
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        long amount = Long.parseLong(v.substring(0, v.length() - 1));
        return switch (v.charAt(v.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException(text);
        };
    }

    private static Optional<String> value(PropertiesComponent properties, String key) {
        return properties.resolveProperty(key).filter(v -> !v.isBlank());
    }

    @Override
    public String toString() {
        return "ClusterSettings[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password=" + (password == null ? null : "******")
                + ", nodeId=" + nodeId + ", checkinInterval=" + checkinInterval + "]";
    }
}
