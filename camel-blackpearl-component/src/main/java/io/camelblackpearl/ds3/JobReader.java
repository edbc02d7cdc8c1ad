package io.camelblackpearl.ds3;

import com.fasterxml.jackson.core.JsonParseException;
import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.CanceledJob;
import io.camelblackpearl.ds3.model.CompletedJob;
import io.camelblackpearl.ds3.model.JobRequestType;
import io.camelblackpearl.ds3.model.Priority;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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

    /** Builds one kind of job from the fields read. */
    @FunctionalInterface
    interface Kind<T> {
        T build(Fields f);
    }

    static final Kind<ActiveJob> ACTIVE = f -> new ActiveJob(f.aggregating, f.bucketId, f.cachedSize, f.orderGuarantee,
            f.completedSize, f.createdAt, f.deadJobCleanupAllowed, f.errorMessage, f.id, f.implicitJobIdResolution,
            f.minimizeSpanning, f.naked, f.name, f.originalSize, f.priority, f.protectedJob, f.rechunked, f.replicating,
            f.requestType, f.restore, f.truncated, f.truncatedDueToTimeout, f.userId, f.verifyAfterWrite);

    static final Kind<CompletedJob> COMPLETED = f -> new CompletedJob(f.bucketId, f.cachedSize, f.orderGuarantee,
            f.completedSize, f.createdAt, f.dateCompleted, f.errorMessage, f.id, f.naked, f.name, f.originalSize, f.priority,
            f.rechunked, f.requestType, f.truncated, f.userId);

    static final Kind<CanceledJob> CANCELED = f -> new CanceledJob(f.bucketId, f.cachedSize, f.canceledDueToTimeout,
            f.orderGuarantee, f.completedSize, f.createdAt, f.dateCanceled, f.errorMessage, f.id, f.naked, f.name,
            f.originalSize, f.priority, f.rechunked, f.requestType, f.truncated, f.userId);

    private JobReader() {
    }

    /** {@code <Data><element>…</element>…</Data>}, the reader on {@code <Data>}; other elements are skipped. */
    static <T> List<T> list(XMLStreamReader xml, String element, Kind<T> kind) throws IOException {
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
    static <T> T job(XMLStreamReader xml, Kind<T> kind) throws IOException, XMLStreamException {
        Fields fields = new Fields();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String field = xml.getLocalName();
            if (KNOWN.contains(field)) {
                fields.set(field, text(xml));
            } else {
                XmlValues.skip(xml);
            }
        }
        return kind.build(fields);
    }

    private static final Set<String> KNOWN = Set.of("Aggregating", "BucketId", "CachedSizeInBytes", "CanceledDueToTimeout",
            "ChunkClientProcessingOrderGuarantee", "CompletedSizeInBytes", "CreatedAt", "DateCanceled", "DateCompleted",
            "DeadJobCleanupAllowed", "ErrorMessage", "Id", "ImplicitJobIdResolution", "MinimizeSpanningAcrossMedia", "Naked",
            "Name", "OriginalSizeInBytes", "Priority", "Protected", "Rechunked", "Replicating", "RequestType", "Restore",
            "Truncated", "TruncatedDueToTimeout", "UserId", "VerifyAfterWrite");

    /** Every field any of the three job kinds has; each kind takes the ones it knows. */
    static final class Fields {
        boolean aggregating;
        UUID bucketId;
        long cachedSize;
        boolean canceledDueToTimeout;
        String orderGuarantee;
        long completedSize;
        Instant createdAt;
        Instant dateCanceled;
        Instant dateCompleted;
        boolean deadJobCleanupAllowed;
        String errorMessage;
        UUID id;
        boolean implicitJobIdResolution;
        boolean minimizeSpanning;
        boolean naked;
        String name;
        long originalSize;
        Priority priority;
        boolean protectedJob;
        Instant rechunked;
        boolean replicating;
        JobRequestType requestType;
        String restore;
        boolean truncated;
        boolean truncatedDueToTimeout;
        UUID userId;
        boolean verifyAfterWrite;

        void set(String field, String text) throws IOException {
            switch (field) {
                case "Aggregating" -> aggregating = XmlValues.bool(text);
                case "BucketId" -> bucketId = XmlValues.uuid(field, text);
                case "CachedSizeInBytes" -> cachedSize = XmlValues.number(field, text);
                case "CanceledDueToTimeout" -> canceledDueToTimeout = XmlValues.bool(text);
                case "ChunkClientProcessingOrderGuarantee" -> orderGuarantee = text;
                case "CompletedSizeInBytes" -> completedSize = XmlValues.number(field, text);
                case "CreatedAt" -> createdAt = XmlValues.instant(field, text);
                case "DateCanceled" -> dateCanceled = XmlValues.instant(field, text);
                case "DateCompleted" -> dateCompleted = XmlValues.instant(field, text);
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
