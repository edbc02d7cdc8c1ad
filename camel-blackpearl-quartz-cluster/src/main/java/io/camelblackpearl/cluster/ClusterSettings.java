package io.camelblackpearl.cluster;

import io.camelblackpearl.support.Durations;
import java.time.Duration;
import java.util.Optional;

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
public record ClusterSettings(String jdbcUrl, String username, String password, String nodeId, Duration checkinInterval) {

    /** How a caller names its settings in messages, e.g. {@code escalation.cluster.jdbc-url (environment variable …)}. */
    @FunctionalInterface
    public interface Names {
        /** @param key one of jdbc-url, username, password, node-id, checkin-interval */
        String of(String key);
    }

    /**
     * The settings from their text; empty when no JDBC URL is given (not clustered). Bad values fail with a
     * message naming the setting as {@code names} spells it, and the value.
     */
    public static Optional<ClusterSettings> parse(String jdbcUrl, String username, String password, String nodeId,
                                                  String checkinInterval, Names names) {
        if (blank(jdbcUrl)) {
            return Optional.empty();
        }
        String url = jdbcUrl.trim();
        if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
            throw invalid(names.of("jdbc-url"), url, "expected a jdbc:postgresql: or jdbc:h2: URL");
        }
        String interval = blank(checkinInterval) ? "5s" : checkinInterval.trim();
        Duration checkin;
        try {
            checkin = parseDuration(interval);
        } catch (RuntimeException e) {
            throw invalid(names.of("checkin-interval"), interval, "expected a duration such as 2s, 500ms, 1m or PT2S");
        }
        if (checkin.toMillis() < 100) {
            throw invalid(names.of("checkin-interval"), interval, "it must be at least 100ms");
        }
        return Optional.of(new ClusterSettings(url, blank(username) ? null : username, blank(password) ? null : password,
                blank(nodeId) ? null : nodeId.trim(), checkin));
    }

    /** The same settings with this node's id, e.g. Quartz's AUTO id taken in advance. */
    public ClusterSettings withNodeId(String id) {
        return new ClusterSettings(jdbcUrl, username, password, id, checkinInterval);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static IllegalArgumentException invalid(String setting, String value, String expected) {
        return new IllegalArgumentException("Invalid setting " + setting + ": '" + value + "': " + expected);
    }

    public boolean postgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /** The product's duration syntax ({@link io.camelblackpearl.support.Durations}): {@code 2s}, {@code 500ms}, {@code 1m}, {@code PT2S}. */
    public static Duration parseDuration(String text) {
        return Durations.parse(text);
    }

    @Override
    public String toString() {
        return "ClusterSettings[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password=" + (password == null ? null : "******")
                + ", nodeId=" + nodeId + ", checkinInterval=" + checkinInterval + "]";
    }
}
