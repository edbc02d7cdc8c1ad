package io.camelblackpearl.ds3;

import io.camelblackpearl.ds3.model.JobNode;
import io.camelblackpearl.ds3.model.JobRequestType;
import io.camelblackpearl.ds3.model.JobStatus;
import io.camelblackpearl.ds3.model.MasterObjectList;
import io.camelblackpearl.ds3.model.Priority;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A MasterObjectList's scalars (attributes of the root) and its nodes, with every {@code <Objects>} chunk
 * skipped by the parser without being tokenised into values: the summary of a job of a million objects
 * costs what scanning its bytes costs, in constant memory.
 */
final class MasterObjectListSummaryReader {

    private MasterObjectListSummaryReader() {
    }

    /** The reader on {@code <MasterObjectList>}. */
    static MasterObjectList read(XMLStreamReader xml) throws IOException {
        try {
            MasterObjectList scalars = scalars(xml);
            List<JobNode> nodes = List.of();
            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if ("Nodes".equals(xml.getLocalName())) {
                    nodes = nodes(xml);
                } else {
                    XmlValues.skip(xml);
                }
            }
            return scalars.withNodes(nodes);
        } catch (XMLStreamException e) {
            throw Ds3Xml.failure(e);
        }
    }

    /** The root's attributes this reader knows, by their names in the document. */
    private enum Root {
        Aggregating, BucketName, CachedSizeInBytes, ChunkClientProcessingOrderGuarantee, CompletedSizeInBytes,
        EntirelyInCache, JobId, Naked, Name, OriginalSizeInBytes, Priority, RequestType, StartDate, Status, UserId, UserName;

        private static final java.util.Map<String, Root> BY_NAME = java.util.Arrays.stream(values())
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Root::name, root -> root));
    }

    /**
     * The root's attributes, read in one pass over them: a lookup by name scans them all each time, sixteen
     * times per answer, and this runs once per modify. Unknown attributes are ignored; empty ones read as absent.
     */
    private static MasterObjectList scalars(XMLStreamReader xml) throws IOException {
        String[] values = new String[Root.values().length];
        for (int i = 0, count = xml.getAttributeCount(); i < count; i++) {
            Root root = Root.BY_NAME.get(xml.getAttributeLocalName(i));
            String value = xml.getAttributeValue(i);
            if (root != null && value != null && !value.isEmpty()) {
                values[root.ordinal()] = value;
            }
        }
        return new MasterObjectList(
                XmlValues.optionalBool(values[Root.Aggregating.ordinal()]),
                values[Root.BucketName.ordinal()],
                XmlValues.optionalNumber("CachedSizeInBytes", values[Root.CachedSizeInBytes.ordinal()]),
                values[Root.ChunkClientProcessingOrderGuarantee.ordinal()],
                XmlValues.optionalNumber("CompletedSizeInBytes", values[Root.CompletedSizeInBytes.ordinal()]),
                XmlValues.optionalBool(values[Root.EntirelyInCache.ordinal()]),
                XmlValues.uuid("JobId", values[Root.JobId.ordinal()]),
                XmlValues.optionalBool(values[Root.Naked.ordinal()]),
                values[Root.Name.ordinal()],
                XmlValues.optionalNumber("OriginalSizeInBytes", values[Root.OriginalSizeInBytes.ordinal()]),
                XmlValues.named(Priority.class, values[Root.Priority.ordinal()]),
                XmlValues.named(JobRequestType.class, values[Root.RequestType.ordinal()]),
                XmlValues.instant("StartDate", values[Root.StartDate.ordinal()]),
                XmlValues.named(JobStatus.class, values[Root.Status.ordinal()]),
                XmlValues.uuid("UserId", values[Root.UserId.ordinal()]),
                values[Root.UserName.ordinal()],
                List.of(), List.of());
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

    /** The attribute's value, null when absent or empty. */
    private static String attribute(XMLStreamReader xml, String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null || value.isEmpty() ? null : value;
    }
}
