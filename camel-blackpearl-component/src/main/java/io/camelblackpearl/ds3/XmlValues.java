package io.camelblackpearl.ds3;

import com.fasterxml.jackson.core.JsonParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * DS3 values read off a StAX stream with the mapper's rules: empty is null (false or 0 for flags and sizes),
 * an unknown enum value is null, a value that does not parse fails naming its field (as a Jackson parse
 * error, so the client reports a bad document, not a broken connection).
 */
final class XmlValues {

    private XmlValues() {
    }

    /** Skips the current element and all it holds, without tokenising it when the parser can (Woodstox). */
    static void skip(XMLStreamReader xml) throws XMLStreamException {
        if (xml instanceof XMLStreamReader2 fast) {
            fast.skipElement();
            return;
        }
        for (int depth = 1; depth > 0; ) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    static boolean bool(String text) {
        return text != null && text.equalsIgnoreCase("true");
    }

    static long number(String field, String text) throws JsonParseException {
        try {
            return text == null ? 0 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new JsonParseException(null, field + " is not a number: '" + text + "'");
        }
    }

    static UUID uuid(String field, String text) throws JsonParseException {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new JsonParseException(null, field + " is not a UUID: '" + text + "'");
        }
    }

    static Instant instant(String field, String text) throws JsonParseException {
        try {
            return text == null ? null : isoInstant(text);
        } catch (DateTimeParseException e) {
            throw new JsonParseException(null, field + " is not an ISO-8601 date: '" + text + "'");
        }
    }

    /**
     * {@link Instant#parse} with a fast path for the one form DS3 servers write, {@code yyyy-MM-ddTHH:mm:ss}
     * with an optional fraction and {@code Z}: the general formatter costs more than the rest of reading a
     * MasterObjectList summary. Anything else (offsets, leap seconds, other years) goes to Instant.parse, so
     * what is accepted and refused is exactly what Instant.parse accepts and refuses.
     */
    static Instant isoInstant(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return Instant.parse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return Instant.parse(text);
            }
            int fraction = digits(text, 20, length - 1);
            nanos = fraction < 0 ? -1 : fraction * POWERS_OF_TEN[9 - fractionDigits];
        } else if (text.charAt(19) != 'Z') {
            return Instant.parse(text);
        }
        if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 28 && day > YearMonth.of(year, month).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nanos < 0) {
            return Instant.parse(text); // not the common form, or invalid: Instant.parse decides and words the error
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    /** The decimal number in {@code text[from, to)}; -1 when a character is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The constant of that name; null for an empty or unknown one, as servers add values across versions. */
    static <E extends Enum<E>> E named(Class<E> type, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text); // the JDK's cached name map: no values() array copied per field
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    static Long optionalNumber(String field, String text) throws JsonParseException {
        return text == null || text.isEmpty() ? null : number(field, text);
    }

    static Integer optionalInt(String field, String text) throws JsonParseException {
        return text == null || text.isEmpty() ? null : Math.toIntExact(number(field, text));
    }

    static Boolean optionalBool(String text) {
        return text == null || text.isEmpty() ? null : bool(text);
    }
}
