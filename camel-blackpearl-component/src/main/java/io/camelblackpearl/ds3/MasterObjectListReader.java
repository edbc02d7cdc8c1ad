package io.camelblackpearl.ds3;

import io.camelblackpearl.ds3.model.BulkObject;
import io.camelblackpearl.ds3.model.JobChunk;
import io.camelblackpearl.ds3.model.JobNode;
import io.camelblackpearl.ds3.model.JobRequestType;
import io.camelblackpearl.ds3.model.JobStatus;
import io.camelblackpearl.ds3.model.MasterObjectList;
import io.camelblackpearl.ds3.model.Priority;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A MasterObjectList read straight off the StAX stream into the model, with the rules of the mapper's binding
 * ({@link Ds3Xml}): unknown attributes and elements ignored, empty values absent, a value that does not parse a
 * failure naming its field. With {@code includeObjects} false reading stops at the first {@code <Objects>} chunk
 * after the {@code <Nodes>} (where an appliance writes them): the rest is never tokenised (the client drains a
 * short rest or drops the connection of a long one), so the summary of a job of a million objects costs the same
 * as that of an empty one, in constant memory. Read here rather than through Jackson's data binding, the full
 * read of a large job takes about two thirds of the time (docs/benchmarks.md, figure 3) and keeps chunks and objects the binding
 * loses when another element comes between them.
 */
final class MasterObjectListReader {

    private MasterObjectListReader() {
    }

    /** The reader on {@code <MasterObjectList>}. */
    static MasterObjectList read(XMLStreamReader xml, boolean includeObjects) throws IOException {
        try {
            String[] root = attributes(xml, Root.BY_NAME, Root.values().length);
            List<JobNode> nodes = List.of();
            boolean nodesRead = false;
            List<JobChunk> chunks = new ArrayList<>();
            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                String element = xml.getLocalName();
                if ("Nodes".equals(element)) {
                    nodes = nodes(xml);
                    nodesRead = true;
                } else if (includeObjects && "Objects".equals(element)) {
                    chunks.add(chunk(xml));
                } else if ("Objects".equals(element) && nodesRead) {
                    // The summary has all it returns (the root's attributes, and the Nodes that an appliance writes
                    // before the chunks): the rest is not tokenised; the client drains or drops it.
                    break;
                } else {
                    XmlValues.skip(xml);
                }
            }
            return masterObjectList(root, nodes, chunks);
        } catch (XMLStreamException e) {
            throw Ds3Xml.failure(e);
        }
    }

    /** The root's attributes this reader knows, by their names in the document. */
    private enum Root {
        Aggregating, BucketName, CachedSizeInBytes, ChunkClientProcessingOrderGuarantee, CompletedSizeInBytes,
        EntirelyInCache, JobId, Naked, Name, OriginalSizeInBytes, Priority, RequestType, StartDate, Status, UserId, UserName;

        private static final Map<String, Integer> BY_NAME = ordinals(values());
    }

    /** The attributes of one {@code <Object>}. */
    private enum Blob {
        Bucket, Id, InCache, Latest, Length, Name, Offset, VersionId;

        private static final Map<String, Integer> BY_NAME = ordinals(values());
    }

    private static Map<String, Integer> ordinals(Enum<?>[] names) {
        Map<String, Integer> byName = new HashMap<>();
        for (Enum<?> name : names) {
            byName.put(name.name(), name.ordinal());
        }
        return Map.copyOf(byName);
    }

    /**
     * The current element's known attributes by ordinal, read in one pass over them (a lookup by name scans them
     * all each time); unknown attributes are ignored, empty ones read as absent.
     */
    private static String[] attributes(XMLStreamReader xml, Map<String, Integer> known, int count) {
        String[] values = new String[count];
        for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
            Integer slot = known.get(xml.getAttributeLocalName(i));
            String value = xml.getAttributeValue(i);
            if (slot != null && value != null && !value.isEmpty()) {
                values[slot] = value;
            }
        }
        return values;
    }

    private static MasterObjectList masterObjectList(String[] a, List<JobNode> nodes, List<JobChunk> chunks)
            throws IOException {
        return new MasterObjectList(
                XmlValues.optionalBool(a[Root.Aggregating.ordinal()]),
                a[Root.BucketName.ordinal()],
                XmlValues.optionalNumber("CachedSizeInBytes", a[Root.CachedSizeInBytes.ordinal()]),
                a[Root.ChunkClientProcessingOrderGuarantee.ordinal()],
                XmlValues.optionalNumber("CompletedSizeInBytes", a[Root.CompletedSizeInBytes.ordinal()]),
                XmlValues.optionalBool(a[Root.EntirelyInCache.ordinal()]),
                XmlValues.uuid("JobId", a[Root.JobId.ordinal()]),
                XmlValues.optionalBool(a[Root.Naked.ordinal()]),
                a[Root.Name.ordinal()],
                XmlValues.optionalNumber("OriginalSizeInBytes", a[Root.OriginalSizeInBytes.ordinal()]),
                XmlValues.named(Priority.class, a[Root.Priority.ordinal()]),
                XmlValues.named(JobRequestType.class, a[Root.RequestType.ordinal()]),
                XmlValues.instant("StartDate", a[Root.StartDate.ordinal()]),
                XmlValues.named(JobStatus.class, a[Root.Status.ordinal()]),
                XmlValues.uuid("UserId", a[Root.UserId.ordinal()]),
                a[Root.UserName.ordinal()],
                nodes, chunks);
    }

    private static List<JobNode> nodes(XMLStreamReader xml) throws XMLStreamException, IOException {
        List<JobNode> nodes = new ArrayList<>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if ("Node".equals(xml.getLocalName())) {
                nodes.add(new JobNode(attribute(xml, "EndPoint"),
                        XmlValues.optionalInt("HttpPort", attribute(xml, "HttpPort")),
                        XmlValues.optionalInt("HttpsPort", attribute(xml, "HttpsPort")),
                        XmlValues.uuid("Id", attribute(xml, "Id"))));
            }
            XmlValues.skip(xml);
        }
        return nodes;
    }

    /** One {@code <Objects ChunkId ChunkNumber NodeId>} and its {@code <Object>}s; a missing number reads as 0. */
    private static JobChunk chunk(XMLStreamReader xml) throws XMLStreamException, IOException {
        UUID chunkId = XmlValues.uuid("ChunkId", attribute(xml, "ChunkId"));
        String number = attribute(xml, "ChunkNumber");
        int chunkNumber = number == null ? 0 : Math.toIntExact(XmlValues.number("ChunkNumber", number));
        UUID nodeId = XmlValues.uuid("NodeId", attribute(xml, "NodeId"));
        List<BulkObject> objects = new ArrayList<>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if ("Object".equals(xml.getLocalName())) {
                String[] a = attributes(xml, Blob.BY_NAME, Blob.values().length);
                String length = a[Blob.Length.ordinal()];
                String offset = a[Blob.Offset.ordinal()];
                objects.add(new BulkObject(
                        a[Blob.Bucket.ordinal()],
                        XmlValues.uuid("Id", a[Blob.Id.ordinal()]),
                        XmlValues.optionalBool(a[Blob.InCache.ordinal()]),
                        XmlValues.optionalBool(a[Blob.Latest.ordinal()]),
                        length == null ? 0 : XmlValues.number("Length", length),
                        a[Blob.Name.ordinal()],
                        offset == null ? 0 : XmlValues.number("Offset", offset),
                        XmlValues.uuid("VersionId", a[Blob.VersionId.ordinal()])));
            }
            XmlValues.skip(xml);
        }
        return new JobChunk(chunkId, chunkNumber, nodeId, objects);
    }

    /** The attribute's value, null when absent or empty. */
    private static String attribute(XMLStreamReader xml, String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null || value.isEmpty() ? null : value;
    }
}
