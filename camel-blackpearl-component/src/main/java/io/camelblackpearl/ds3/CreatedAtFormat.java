package io.camelblackpearl.ds3;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How {@code created_at} is written on the wire. The DS3 documentation gives ISO-8601 or epoch seconds;
 * the official Java SDK sends epoch milliseconds. Appliances accept all three.
 */
public enum CreatedAtFormat {
    /** {@code 2026-01-01T00:00:00.000Z}. */
    ISO_8601,
    /** Milliseconds since the epoch, as the Java SDK sends. */
    EPOCH_MILLIS,
    /** Seconds since the epoch (sub-second precision is dropped). */
    EPOCH_SECONDS;

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public String format(Instant instant) {
        return switch (this) {
            case ISO_8601 -> ISO_MILLIS.format(instant);
            case EPOCH_MILLIS -> Long.toString(instant.toEpochMilli());
            case EPOCH_SECONDS -> Long.toString(instant.getEpochSecond());
        };
    }
}
