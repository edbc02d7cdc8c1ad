package io.camelblackpearl.ds3;

import com.fasterxml.jackson.core.JsonParseException;
import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.CanceledJob;
import io.camelblackpearl.ds3.model.CompletedJob;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads active, completed and canceled jobs straight off the StAX stream: a listing of 10,000 jobs is the
 * escalation's biggest read, and data binding spent most of its time there. Same rules as {@link Ds3Xml}'s
 * mapper: unknown elements are skipped, empty elements are null (false or 0 for flags and sizes), unknown
 * enum values are null, and a value that does not parse fails the read naming the field.
 */
final class JobReader {

    /** One kind of job: its record's fields, read by their element names (see {@link RecordFields}); a record, for the JIT. */
    record Kind<T extends Record>(RecordFields<T> fields) {
    }

    static final Kind<ActiveJob> ACTIVE = new Kind<>(RecordFields.of(ActiveJob.class));
    static final Kind<CompletedJob> COMPLETED = new Kind<>(RecordFields.of(CompletedJob.class));
    static final Kind<CanceledJob> CANCELED = new Kind<>(RecordFields.of(CanceledJob.class));

    private JobReader() {
    }

    /** {@code <Data><element>…</element>…</Data>}, the reader on {@code <Data>}; other elements are skipped. */
    static <T extends Record> List<T> list(XMLStreamReader xml, String element, Kind<T> kind) throws IOException {
        try {
            List<T> jobs = new ArrayList<>();
            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if (element.equals(xml.getLocalName())) {
                    jobs.add(job(xml, kind));
                } else {
                    XmlValues.skip(xml);
                }
            }
            return jobs;
        } catch (XMLStreamException e) {
            throw Ds3Xml.failure(e);
        }
    }

    /** One job whose fields are the children of the current element (the reader on {@code <Job>} or {@code <Data>}). */
    static <T extends Record> T job(XMLStreamReader xml, Kind<T> kind) throws IOException, XMLStreamException {
        RecordFields<T> fields = kind.fields();
        Object[] values = fields.start();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String field = xml.getLocalName();
            if (fields.knows(field)) {
                fields.read(values, field, text(xml));
            } else {
                XmlValues.skip(xml);
            }
        }
        return fields.build(values);
    }

    /**
     * The element's text, null when empty; a nested element is not a value. The parser gathers the text
     * itself ({@code getElementText}), which is the listing's hottest loop.
     */
    private static String text(XMLStreamReader xml) throws XMLStreamException, IOException {
        String field = xml.getLocalName();
        String value;
        try {
            value = xml.getElementText();
        } catch (XMLStreamException e) {
            if (xml.getEventType() == XMLStreamConstants.START_ELEMENT) {
                throw new JsonParseException(null, "element " + field + " holds an element <" + xml.getLocalName()
                        + ">, not a value");
            }
            throw e;
        }
        value = value.trim();
        return value.isEmpty() ? null : value;
    }
}
