package io.camelblackpearl.simulator;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * Writes the DS3 documents in the shapes of DS3-PROTOCOL.md §2: MasterObjectList with attributes,
 * active jobs as elements under {@code <Data>}, and {@code <Error>}. Hand-written rather than bound, so
 * the simulator does not share a model with the client it tests.
 */
final class Ds3XmlWriter {

    /** ISO-8601 UTC with milliseconds, the only date form the appliance writes. */
    static final DateTimeFormatter DS3_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

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
        element(xml, "CreatedAt", DS3_DATE.format(job.createdAt()));
        element(xml, canceled ? "DateCanceled" : "DateCompleted", DS3_DATE.format(job.finishedAt()));
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
        element(xml, "CreatedAt", DS3_DATE.format(job.createdAt()));
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
    static void masterObjectList(Writer out, SimulatedJob job, UUID nodeId, String host, int port,
                                 boolean includeObjects) throws IOException {
        StringBuilder root = new StringBuilder(2048).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><MasterObjectList");
        attribute(root, "Aggregating", "false");
        attribute(root, "BucketName", job.bucketName());
        attribute(root, "CachedSizeInBytes", Long.toString(job.cachedSizeInBytes()));
        attribute(root, "ChunkClientProcessingOrderGuarantee", "NONE");
        attribute(root, "CompletedSizeInBytes", Long.toString(job.completedSizeInBytes()));
        attribute(root, "EntirelyInCache", Boolean.toString(job.cachedSizeInBytes() >= job.originalSizeInBytes()));
        attribute(root, "JobId", job.id().toString());
        attribute(root, "Naked", "false");
        attribute(root, "Name", job.name());
        attribute(root, "OriginalSizeInBytes", Long.toString(job.originalSizeInBytes()));
        attribute(root, "Priority", job.priority());
        attribute(root, "RequestType", job.requestType());
        attribute(root, "StartDate", DS3_DATE.format(job.createdAt()));
        attribute(root, "Status", job.status());
        attribute(root, "UserId", job.userId().toString());
        attribute(root, "UserName", job.userName());
        root.append("><Nodes><Node");
        attribute(root, "EndPoint", host);
        attribute(root, "HttpPort", Integer.toString(port));
        attribute(root, "Id", nodeId.toString());
        root.append("/></Nodes>");
        out.write(root.toString());
        if (includeObjects && job.objectCount() > 0) {
            writeChunks(out, job, nodeId);
        }
        out.write("</MasterObjectList>");
    }

    private static void writeChunks(Writer out, SimulatedJob job, UUID nodeId) throws IOException {
        int count = job.objectCount();
        long length = Math.max(1, job.originalSizeInBytes() / count);
        UUID id = job.id();
        StringBuilder buf = new StringBuilder(256);
        for (int first = 0, chunk = 1; first < count; first += OBJECTS_PER_CHUNK, chunk++) {
            buf.setLength(0);
            buf.append("<Objects ChunkId=\"").append(derivedId(id, -chunk))
                    .append("\" ChunkNumber=\"").append(chunk)
                    .append("\" NodeId=\"").append(nodeId).append("\">");
            out.write(buf.toString());
            int last = Math.min(count, first + OBJECTS_PER_CHUNK);
            for (int i = first; i < last; i++) {
                buf.setLength(0);
                buf.append("<Object Id=\"").append(derivedId(id, i))
                        .append("\" InCache=\"false\" Latest=\"true\" Length=\"").append(length)
                        .append("\" Name=\"obj-").append(i)
                        .append("\" Offset=\"0\" VersionId=\"").append(derivedId(id, i + (1L << 40)))
                        .append("\"/>");
                out.write(buf.toString());
            }
            out.write("</Objects>");
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
