package io.camelblackpearl.ds3;

import com.fasterxml.jackson.core.JsonParseException;
import java.time.Instant;
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
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new JsonParseException(null, field + " is not an ISO-8601 date: '" + text + "'");
        }
    }

    /** The constant of that name; null for an empty or unknown one, as servers add values across versions. */
    static <E extends Enum<E>> E named(E[] values, String text) {
        if (text != null) {
            for (E value : values) {
                if (value.name().equals(text)) {
                    return value;
                }
            }
        }
        return null;
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
