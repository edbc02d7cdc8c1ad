package io.camelblackpearl.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * Writes the DS3 documents in the shapes of docs/ds3-protocol.md §2: MasterObjectList with attributes,
 * active jobs as elements under {@code <Data>}, and {@code <Error>}. Hand-written rather than bound, so
 * the simulator does not share a model with the client it tests.
 */
final class Ds3XmlWriter {

    /** ISO-8601 UTC with milliseconds, the only date form the appliance writes. */
    static final DateTimeFormatter DS3_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * {@link #DS3_DATE} written by hand for the years 1–9999: the formatter was a tenth of the simulator's CPU per
     * modify in a profile. Other years (never on an appliance) go through the formatter.
     */
    static String ds3Date(Instant when) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(when.getEpochSecond(), when.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 1 || t.getYear() > 9999) { // yyyy is the year of the era: year 0 is 1 BC
            return DS3_DATE.format(when);
        }
        char[] c = new char[24];
        digits(c, 0, t.getYear(), 4);
        c[4] = '-';
        digits(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        c[19] = '.';
        digits(c, 20, t.getNano() / 1_000_000, 3);
        c[23] = 'Z';
        return new String(c);
    }

    private static void digits(char[] into, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            into[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Objects per {@code <Objects>} chunk in a generated MasterObjectList. */
    static final int OBJECTS_PER_CHUNK = 1000;

    private Ds3XmlWriter() {
    }

    static byte[] error(int status, String code, String message, String resource, long resourceId) {
        StringBuilder xml = new StringBuilder(256).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error>");
        element(xml, "Code", code);
        element(xml, "HttpErrorCode", Integer.toString(status));
        element(xml, "Message", message);
        element(xml, "Resource", resource);
        element(xml, "ResourceId", Long.toString(resourceId));
        return xml.append("</Error>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A single active job: its fields directly under {@code <Data>} (wrapped in {@code <Job>} the SDKs read nothing). */
    static byte[] activeJob(SimulatedJob job) {
        StringBuilder xml = new StringBuilder(1024).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Data>");
        activeJobFields(xml, job);
        return xml.append("</Data>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A single completed or canceled job, its fields directly under {@code <Data>}. */
    static byte[] finishedJob(SimulatedJob job) {
        StringBuilder xml = new StringBuilder(1024).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Data>");
        finishedJobFields(xml, job);
        return xml.append("</Data>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A job list: {@code <Data><Job>…} for active jobs, {@code <Data><CompletedJob>…} and
     * {@code <Data><CanceledJob>…} for the finished ones, whose fields differ.
     */
    static byte[] jobList(String element, List<SimulatedJob> jobs) {
        boolean active = element.equals("Job");
        StringBuilder xml = new StringBuilder(64 + jobs.size() * 1024)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Data>");
        for (SimulatedJob job : jobs) {
            xml.append('<').append(element).append('>');
            if (active) {
                activeJobFields(xml, job);
            } else {
                finishedJobFields(xml, job);
            }
            xml.append("</").append(element).append('>');
        }
        return xml.append("</Data>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** CompletedJob and CanceledJob: the same fields, the date named for how the job ended. */
    private static void finishedJobFields(StringBuilder xml, SimulatedJob job) {
        boolean canceled = job.status().equals("CANCELED");
        element(xml, "BucketId", job.bucketId().toString());
        element(xml, "CachedSizeInBytes", Long.toString(job.cachedSizeInBytes()));
        if (canceled) {
            element(xml, "CanceledDueToTimeout", Boolean.toString(job.canceledDueToTimeout()));
        }
        element(xml, "ChunkClientProcessingOrderGuarantee", "NONE");
        element(xml, "CompletedSizeInBytes", Long.toString(job.completedSizeInBytes()));
        element(xml, "CreatedAt", ds3Date(job.createdAt()));
        element(xml, canceled ? "DateCanceled" : "DateCompleted", ds3Date(job.finishedAt()));
        xml.append("<ErrorMessage/>");
        element(xml, "Id", job.id().toString());
        element(xml, "Naked", "false");
        element(xml, "Name", job.name());
        element(xml, "OriginalSizeInBytes", Long.toString(job.originalSizeInBytes()));
        element(xml, "Priority", job.priority());
        xml.append("<Rechunked/>");
        element(xml, "RequestType", job.requestType());
        element(xml, "Truncated", Boolean.toString(job.truncated()));
        element(xml, "UserId", job.userId().toString());
    }

    private static void activeJobFields(StringBuilder xml, SimulatedJob job) {
        element(xml, "Aggregating", "false");
        element(xml, "BucketId", job.bucketId().toString());
        element(xml, "CachedSizeInBytes", Long.toString(job.cachedSizeInBytes()));
        element(xml, "ChunkClientProcessingOrderGuarantee", "NONE");
        element(xml, "CompletedSizeInBytes", Long.toString(job.completedSizeInBytes()));
        element(xml, "CreatedAt", ds3Date(job.createdAt()));
        element(xml, "DeadJobCleanupAllowed", Boolean.toString(job.deadJobCleanupAllowed()));
        xml.append("<ErrorMessage/>");
        element(xml, "Id", job.id().toString());
        element(xml, "ImplicitJobIdResolution", "false");
        element(xml, "MinimizeSpanningAcrossMedia", "false");
        element(xml, "Naked", "false");
        element(xml, "Name", job.name());
        element(xml, "OriginalSizeInBytes", Long.toString(job.originalSizeInBytes()));
        element(xml, "Priority", job.priority());
        element(xml, "Protected", Boolean.toString(job.protectedJob()));
        xml.append("<Rechunked/>");
        element(xml, "Replicating", "false");
        element(xml, "RequestType", job.requestType());
        element(xml, "Restore", "NO");
        element(xml, "Truncated", Boolean.toString(job.truncated()));
        element(xml, "TruncatedDueToTimeout", "false");
        element(xml, "UserId", job.userId().toString());
        element(xml, "VerifyAfterWrite", "false");
    }

    /**
     * Streams a MasterObjectList: scalars as attributes, one data-path node, then (when asked) the job's
     * objects in chunks of {@link #OBJECTS_PER_CHUNK}. Objects are generated, never held, so a job of
     * millions of objects costs no memory.
     */
    static void masterObjectList(Appendable out, SimulatedJob job, UUID nodeId, String host, int port,
                                 boolean includeObjects) throws IOException {
        StringBuilder root = out instanceof StringBuilder buffer ? buffer : new StringBuilder(2048);
        root.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><MasterObjectList");
        plain(root, "Aggregating", "false");
        attribute(root, "BucketName", job.bucketName());
        plain(root, "CachedSizeInBytes", Long.toString(job.cachedSizeInBytes()));
        plain(root, "ChunkClientProcessingOrderGuarantee", "NONE");
        plain(root, "CompletedSizeInBytes", Long.toString(job.completedSizeInBytes()));
        plain(root, "EntirelyInCache", Boolean.toString(job.cachedSizeInBytes() >= job.originalSizeInBytes()));
        plain(root, "JobId", job.id().toString());
        plain(root, "Naked", "false");
        attribute(root, "Name", job.name());
        plain(root, "OriginalSizeInBytes", Long.toString(job.originalSizeInBytes()));
        attribute(root, "Priority", job.priority());
        attribute(root, "RequestType", job.requestType());
        plain(root, "StartDate", ds3Date(job.createdAt()));
        attribute(root, "Status", job.status());
        plain(root, "UserId", job.userId().toString());
        attribute(root, "UserName", job.userName());
        root.append("><Nodes><Node");
        attribute(root, "EndPoint", host);
        plain(root, "HttpPort", Integer.toString(port));
        plain(root, "Id", nodeId.toString());
        root.append("/></Nodes>");
        if (root != out) {
            out.append(root);
        }
        if (includeObjects && job.objectCount() > 0) {
            writeChunks(out, job, nodeId);
        }
        out.append("</MasterObjectList>");
    }

    private static void writeChunks(Appendable out, SimulatedJob job, UUID nodeId) throws IOException {
        int count = job.objectCount();
        long length = Math.max(1, job.originalSizeInBytes() / count);
        UUID id = job.id();
        StringBuilder buf = new StringBuilder(256);
        for (int first = 0, chunk = 1; first < count; first += OBJECTS_PER_CHUNK, chunk++) {
            buf.setLength(0);
            buf.append("<Objects ChunkId=\"").append(derivedId(id, -chunk))
                    .append("\" ChunkNumber=\"").append(chunk)
                    .append("\" NodeId=\"").append(nodeId).append("\">");
            out.append(buf);
            int last = Math.min(count, first + OBJECTS_PER_CHUNK);
            for (int i = first; i < last; i++) {
                buf.setLength(0);
                buf.append("<Object Id=\"").append(derivedId(id, i))
                        .append("\" InCache=\"false\" Latest=\"true\" Length=\"").append(length)
                        .append("\" Name=\"obj-").append(i)
                        .append("\" Offset=\"0\" VersionId=\"").append(derivedId(id, i + (1L << 40)))
                        .append("\"/>");
                out.append(buf);
            }
            out.append("</Objects>");
        }
    }

    /** A stable id per generated chunk or object, cheap enough for millions. */
    private static UUID derivedId(UUID base, long index) {
        return new UUID(base.getMostSignificantBits() ^ (index * 0x9E3779B97F4A7C15L), base.getLeastSignificantBits());
    }

    private static boolean needsEscaping(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c < 0x20) {
                return true;
            }
        }
        return false;
    }

    private static void element(StringBuilder xml, String name, String value) {
        if (value == null || value.isEmpty()) {
            xml.append('<').append(name).append("/>");
            return;
        }
        xml.append('<').append(name).append('>');
        escape(xml, value);
        xml.append("</").append(name).append('>');
    }

    private static void attribute(StringBuilder xml, String name, String value) {
        if (value == null) {
            return;
        }
        xml.append(' ').append(name).append("=\"");
        escape(xml, value);
        xml.append('"');
    }

    /** An attribute whose value the simulator wrote itself (a number, boolean, id or date): nothing to escape. */
    private static void plain(StringBuilder xml, String name, String value) {
        xml.append(' ').append(name).append("=\"").append(value).append('"');
    }

    private static void escape(StringBuilder xml, String value) {
        if (!needsEscaping(value)) {
            xml.append(value); // ids, dates, numbers and most names: copied whole
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '"' -> xml.append("&quot;");
                case '\'' -> xml.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        xml.append("&#xFFFD;");
                    } else {
                        xml.append(c);
                    }
                }
            }
        }
    }
}
