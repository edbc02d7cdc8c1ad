package io.camelblackpearl.ds3;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A successful DS3 answer: its status, the parsed body (null for 204), the headers a caller may need
 * (names lower-cased) and how many attempts the call took (1 when the first one succeeded).
 */
public record Ds3Response<T>(int status, T body, Map<String, String> headers, int attempts) {

    public Ds3Response(int status, T body, Map<String, String> headers) {
        this(status, body, headers, 1);
    }

    Ds3Response<T> withAttempts(int value) {
        return new Ds3Response<>(status, body, headers, value);
    }

    /** The appliance's id of this request ({@code x-amz-request-id}), which its support asks for; null when none came. */
    public String requestId() {
        return headers.get(REQUEST_ID_HEADER);
    }

    /** The answer header that carries the appliance's request id, lower-cased. */
    public static final String REQUEST_ID_HEADER = "x-amz-request-id";

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The appliance's time when it answered (its {@code Date} header, an HTTP date); empty when absent or malformed. */
    public Optional<Instant> date() {
        return header("Date").flatMap(value -> {
            try {
                return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant());
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        });
    }

    /** An integer header, e.g. {@code Total-Result-Count}; empty when absent or not a number. */
    public Optional<Long> longHeader(String name) {
        return header(name).flatMap(value -> {
            try {
                return Optional.of(Long.parseLong(value.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
