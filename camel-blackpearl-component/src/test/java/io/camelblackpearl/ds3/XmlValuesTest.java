package io.camelblackpearl.ds3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast ISO-8601 path must accept and refuse exactly what {@link Instant#parse} does, with the same result. */
class XmlValuesTest {

    @Test
    void readsTheServersFormExactlyAsInstantParse() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-30_000_000_000L, 250_000_000_000L), random.nextInt(1_000_000_000));
            String full = instant.toString();                       // 0, 3, 6 or 9 fraction digits, as Instant prints
            String millis = full.length() > 20 ? full.substring(0, Math.min(23, full.length() - 1)) + "Z" : full;
            String seconds = full.substring(0, 19) + "Z";
            for (String text : List.of(full, millis, seconds)) {
                assertEquals(Instant.parse(text), XmlValues.isoInstant(text), text);
            }
        }
    }

    @Test
    void readsEveryFractionLength() {
        String base = "2026-11-28T23:59:59";
        for (String fraction : List.of(".1", ".12", ".123", ".1234", ".12345", ".123456", ".1234567", ".12345678", ".123456789")) {
            assertEquals(Instant.parse(base + fraction + "Z"), XmlValues.isoInstant(base + fraction + "Z"), fraction);
        }
    }

    @Test
    void leavesOtherFormsToInstantParse() {
        for (String text : List.of("2026-11-28T10:15:30+01:00", "2026-11-28T10:15:30.5+01:00", "+12026-11-28T10:15:30Z",
                "0999-01-01T00:00:00Z", "2024-02-29T12:00:00Z", "2016-12-31T23:59:60Z", "2026-11-28T24:00:00Z", "2026-11-28T10:15:30.Z")) {
            assertEquals(Instant.parse(text), XmlValues.isoInstant(text), text);
        }
    }

    @Test
    void refusesWhatInstantParseRefuses() {
        for (String text : List.of("2026-02-29T10:15:30Z", "2026-13-01T10:15:30Z", "2026-00-01T10:15:30Z", "2026-04-31T10:15:30Z",
                "2026-11-28T10:60:30Z", "2026-11-28T10:15:61Z",
                "2026-11-28T10:15:30.1234567890Z", "2026-11-28T10:15:3xZ", "2026-1a-28T10:15:30Z", "2026-11-28 10:15:30Z",
                "2026-11-28T10:15:30", "2026-11-28T10:15:30.12a4Z", "２026-11-28T10:15:30Z", "")) {
            assertThrows(DateTimeParseException.class, () -> Instant.parse(text), text);
            assertThrows(DateTimeParseException.class, () -> XmlValues.isoInstant(text), text);
        }
    }
}
