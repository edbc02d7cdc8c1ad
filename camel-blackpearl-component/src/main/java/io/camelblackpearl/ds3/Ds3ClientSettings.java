package io.camelblackpearl.ds3;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How to reach an appliance's data path.
 *
 * @param endpoint          {@code http(s)://host[:port]}, with no path
 * @param credentials       who signs the requests
 * @param connectTimeout    how long to wait for a TCP (and TLS) connection
 * @param responseTimeout   how long to wait for data once a request is sent
 * @param maxConnections    size of the pooled, reused connection set
 * @param sslContext        TLS for https endpoints; null means the JVM default (certificates verified)
 * @param maxRedirects      how often a 307 answer is followed by sending the same request again (the SDKs use 5)
 * @param retry             which failures are sent again, how often and how long a call may take in all
 */
public record Ds3ClientSettings(
        URI endpoint,
        Ds3Credentials credentials,
        Duration connectTimeout,
        Duration responseTimeout,
        int maxConnections,
        SSLContext sslContext,
        int maxRedirects,
        RetryPolicy retry) {

    public Ds3ClientSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(retry, "retry");
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("endpoint must be an http or https URL, was '" + endpoint + "'");
        }
        if (endpoint.getHost() == null) {
            throw new IllegalArgumentException("endpoint has no host: '" + endpoint + "'");
        }
        if (endpoint.getRawPath() != null && !endpoint.getRawPath().isEmpty() && !endpoint.getRawPath().equals("/")) {
            throw new IllegalArgumentException("endpoint must not have a path (the DS3 paths start at /_rest_/), was '" + endpoint + "'");
        }
        if (endpoint.getRawUserInfo() != null || endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
            throw new IllegalArgumentException("endpoint must be scheme://host[:port] only, was '" + endpoint.getScheme() + "://"
                    + endpoint.getHost() + "...'");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative, was " + maxRedirects);
        }
        if (connectTimeout.isNegative() || responseTimeout.isNegative()) {
            throw new IllegalArgumentException("timeouts must not be negative");
        }
    }

    /** Settings with the defaults: 10 s to connect, 60 s per response, 20 connections, JVM TLS, 5 redirects, default retries. */
    public static Ds3ClientSettings of(String endpoint, Ds3Credentials credentials) {
        return new Ds3ClientSettings(URI.create(endpoint), credentials, Duration.ofSeconds(10), Duration.ofSeconds(60),
                20, null, 5, RetryPolicy.DEFAULT);
    }

    /** The same settings with another retry policy. */
    public Ds3ClientSettings withRetry(RetryPolicy value) {
        return new Ds3ClientSettings(endpoint, credentials, connectTimeout, responseTimeout, maxConnections, sslContext,
                maxRedirects, value);
    }

    /** The base URL without a trailing slash. */
    public String baseUrl() {
        String s = endpoint.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
