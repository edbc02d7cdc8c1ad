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

    private static MasterObjectList scalars(XMLStreamReader xml) throws IOException {
        return new MasterObjectList(
                XmlValues.optionalBool(attribute(xml, "Aggregating")),
                attribute(xml, "BucketName"),
                XmlValues.optionalNumber("CachedSizeInBytes", attribute(xml, "CachedSizeInBytes")),
                attribute(xml, "ChunkClientProcessingOrderGuarantee"),
                XmlValues.optionalNumber("CompletedSizeInBytes", attribute(xml, "CompletedSizeInBytes")),
                XmlValues.optionalBool(attribute(xml, "EntirelyInCache")),
                XmlValues.uuid("JobId", attribute(xml, "JobId")),
                XmlValues.optionalBool(attribute(xml, "Naked")),
                attribute(xml, "Name"),
                XmlValues.optionalNumber("OriginalSizeInBytes", attribute(xml, "OriginalSizeInBytes")),
                XmlValues.named(Priority.class, attribute(xml, "Priority")),
                XmlValues.named(JobRequestType.class, attribute(xml, "RequestType")),
                XmlValues.instant("StartDate", attribute(xml, "StartDate")),
                XmlValues.named(JobStatus.class, attribute(xml, "Status")),
                XmlValues.uuid("UserId", attribute(xml, "UserId")),
                attribute(xml, "UserName"),
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
