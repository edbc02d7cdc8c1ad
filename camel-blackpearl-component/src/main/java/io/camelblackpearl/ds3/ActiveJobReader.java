package io.camelblackpearl.ds3;

import com.fasterxml.jackson.core.JsonParseException;
import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.JobRequestType;
import io.camelblackpearl.ds3.model.Priority;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads active jobs straight off the StAX stream: a listing of 10,000 jobs is the escalation's biggest
 * read, and data binding spent most of its time there. Same rules as {@link Ds3Xml}'s mapper: unknown
 * elements are skipped, empty elements are null (false or 0 for flags and sizes), unknown enum values are
 * null, and a value that does not parse fails the read naming the field.
 */
final class ActiveJobReader {

    private ActiveJobReader() {
    }

    /** {@code <Data><Job>…</Job>…</Data>}, the reader on {@code <Data>}. */
    static List<ActiveJob> list(XMLStreamReader xml) throws IOException {
        try {
            List<ActiveJob> jobs = new ArrayList<>();
            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if ("Job".equals(xml.getLocalName())) {
                    jobs.add(job(xml));
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
    static ActiveJob job(XMLStreamReader xml) throws IOException, XMLStreamException {
        boolean aggregating = false;
        UUID bucketId = null;
        long cachedSize = 0;
        String orderGuarantee = null;
        long completedSize = 0;
        Instant createdAt = null;
        boolean deadJobCleanupAllowed = false;
        String errorMessage = null;
        UUID id = null;
        boolean implicitJobIdResolution = false;
        boolean minimizeSpanning = false;
        boolean naked = false;
        String name = null;
        long originalSize = 0;
        Priority priority = null;
        boolean protectedJob = false;
        Instant rechunked = null;
        boolean replicating = false;
        JobRequestType requestType = null;
        String restore = null;
        boolean truncated = false;
        boolean truncatedDueToTimeout = false;
        UUID userId = null;
        boolean verifyAfterWrite = false;
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String field = xml.getLocalName();
            if (!KNOWN.contains(field)) {
                XmlValues.skip(xml);
                continue;
            }
            String text = text(xml);
            switch (field) {
                case "Aggregating" -> aggregating = XmlValues.bool(text);
                case "BucketId" -> bucketId = XmlValues.uuid(field, text);
                case "CachedSizeInBytes" -> cachedSize = XmlValues.number(field, text);
                case "ChunkClientProcessingOrderGuarantee" -> orderGuarantee = text;
                case "CompletedSizeInBytes" -> completedSize = XmlValues.number(field, text);
                case "CreatedAt" -> createdAt = XmlValues.instant(field, text);
                case "DeadJobCleanupAllowed" -> deadJobCleanupAllowed = XmlValues.bool(text);
                case "ErrorMessage" -> errorMessage = text;
                case "Id" -> id = XmlValues.uuid(field, text);
                case "ImplicitJobIdResolution" -> implicitJobIdResolution = XmlValues.bool(text);
                case "MinimizeSpanningAcrossMedia" -> minimizeSpanning = XmlValues.bool(text);
                case "Naked" -> naked = XmlValues.bool(text);
                case "Name" -> name = text;
                case "OriginalSizeInBytes" -> originalSize = XmlValues.number(field, text);
                case "Priority" -> priority = XmlValues.named(Priority.class, text);
                case "Protected" -> protectedJob = XmlValues.bool(text);
                case "Rechunked" -> rechunked = XmlValues.instant(field, text);
                case "Replicating" -> replicating = XmlValues.bool(text);
                case "RequestType" -> requestType = XmlValues.named(JobRequestType.class, text);
                case "Restore" -> restore = text;
                case "Truncated" -> truncated = XmlValues.bool(text);
                case "TruncatedDueToTimeout" -> truncatedDueToTimeout = XmlValues.bool(text);
                case "UserId" -> userId = XmlValues.uuid(field, text);
                case "VerifyAfterWrite" -> verifyAfterWrite = XmlValues.bool(text);
                default -> { }
            }
        }
        return new ActiveJob(aggregating, bucketId, cachedSize, orderGuarantee, completedSize, createdAt, deadJobCleanupAllowed,
                errorMessage, id, implicitJobIdResolution, minimizeSpanning, naked, name, originalSize, priority, protectedJob,
                rechunked, replicating, requestType, restore, truncated, truncatedDueToTimeout, userId, verifyAfterWrite);
    }

    private static final java.util.Set<String> KNOWN = java.util.Set.of("Aggregating", "BucketId", "CachedSizeInBytes",
            "ChunkClientProcessingOrderGuarantee", "CompletedSizeInBytes", "CreatedAt", "DeadJobCleanupAllowed", "ErrorMessage",
            "Id", "ImplicitJobIdResolution", "MinimizeSpanningAcrossMedia", "Naked", "Name", "OriginalSizeInBytes", "Priority",
            "Protected", "Rechunked", "Replicating", "RequestType", "Restore", "Truncated", "TruncatedDueToTimeout", "UserId",
            "VerifyAfterWrite");

    /** The element's text, null when empty; a nested element is not a value. */
    private static String text(XMLStreamReader xml) throws XMLStreamException, IOException {
        String field = xml.getLocalName();
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                throw new JsonParseException(null, "element " + field + " holds an element <" + xml.getLocalName() + ">, not a value");
            }
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(xml.getText());
            }
        }
        String value = text.toString().trim();
        return value.isEmpty() ? null : value;
    }

}
