package io.camelblackpearl.simulator;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request as the simulator received it and what it answered, so tests can assert the verb, the raw
 * path, the query, the headers (the signature included) and the outcome.
 *
 * @param operation   what the simulator took the request to be
 * @param method      the HTTP method
 * @param rawPath     the path exactly as sent, still percent-encoded
 * @param rawQuery    the query string exactly as sent, or null
 * @param query       the decoded query parameters; a bare flag ({@code ?force}) maps to ""
 * @param headers     request headers, names lower-cased
 * @param jobId       the job id or name from the path, decoded, or null
 * @param status      the HTTP status answered
 * @param receivedAt  when it arrived
 */
public record RecordedRequest(
        Ds3Operation operation,
        String method,
        String rawPath,
        String rawQuery,
        Map<String, String> query,
        Map<String, String> headers,
        String jobId,
        int status,
        Instant receivedAt) {

    public Optional<String> param(String name) {
        return Optional.ofNullable(query.get(name));
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public boolean succeeded() {
        return status >= 200 && status < 300;
    }
}
