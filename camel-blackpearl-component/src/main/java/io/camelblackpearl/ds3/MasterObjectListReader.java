package io.camelblackpearl.ds3;

import io.camelblackpearl.ds3.model.BulkObject;
import io.camelblackpearl.ds3.model.JobChunk;
import io.camelblackpearl.ds3.model.JobNode;
import io.camelblackpearl.ds3.model.MasterObjectList;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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

    private static final RecordFields<MasterObjectList> ROOT = RecordFields.of(MasterObjectList.class);
    private static final RecordFields<JobNode> NODE = RecordFields.of(JobNode.class);
    private static final RecordFields<JobChunk> CHUNK = RecordFields.of(JobChunk.class);
    private static final RecordFields<BulkObject> OBJECT = RecordFields.of(BulkObject.class);

    private MasterObjectListReader() {
    }

    /** The reader on {@code <MasterObjectList>}. */
    static MasterObjectList read(XMLStreamReader xml, boolean includeObjects) throws IOException {
        try {
            Object[] root = ROOT.attributes(xml);
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
            ROOT.set(root, "Nodes", nodes);
            ROOT.set(root, "Objects", chunks);
            return ROOT.build(root);
        } catch (XMLStreamException e) {
            throw Ds3Xml.failure(e);
        }
    }

    private static List<JobNode> nodes(XMLStreamReader xml) throws XMLStreamException, IOException {
        List<JobNode> nodes = new ArrayList<>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if ("Node".equals(xml.getLocalName())) {
                nodes.add(NODE.build(NODE.attributes(xml)));
            }
            XmlValues.skip(xml);
        }
        return nodes;
    }

    /** One {@code <Objects ChunkId ChunkNumber NodeId>} and its {@code <Object>}s; a missing number reads as 0. */
    private static JobChunk chunk(XMLStreamReader xml) throws XMLStreamException, IOException {
        Object[] chunk = CHUNK.attributes(xml);
        List<BulkObject> objects = new ArrayList<>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if ("Object".equals(xml.getLocalName())) {
                objects.add(OBJECT.build(OBJECT.attributes(xml)));
            }
            XmlValues.skip(xml);
        }
        CHUNK.set(chunk, "Object", objects);
        return CHUNK.build(chunk);
    }

}
