package io.camelblackpearl.ds3;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.deser.FromXmlParser;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.CanceledJob;
import io.camelblackpearl.ds3.model.CompletedJob;
import io.camelblackpearl.ds3.model.Ds3Error;
import io.camelblackpearl.ds3.model.MasterObjectList;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one configured Jackson {@link XmlMapper} and the DS3 document readers built on its parser factory. Unknown
 * elements, attributes and enum values are ignored (servers add them across versions); empty elements
 * read as null; DTDs and external entities are refused. Error documents are bound by the mapper; the job lists
 * and MasterObjectLists, which run to megabytes, are read straight off the StAX stream by readers that follow
 * the mapper's binding rules (tests compare the two on the same documents) at a fraction of its cost.
 */
public final class Ds3Xml {

    private static final XMLInputFactory INPUT = createInputFactory();
    private static final XmlMapper MAPPER = createMapper();

    private Ds3Xml() {
    }

    /** No DTD, no external entity (no XXE), and a bounded element depth: a hostile answer cannot hurt the reader. */
    private static XMLInputFactory createInputFactory() {
        XMLInputFactory input = XMLInputFactory.newFactory();
        input.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        if (input.isPropertySupported(MAX_DEPTH_PROPERTY)) {
            input.setProperty(MAX_DEPTH_PROPERTY, MAX_DEPTH);
        }
        return input;
    }

    /** Woodstox's element depth limit; DS3 documents are 4 levels deep. */
    private static final String MAX_DEPTH_PROPERTY = "com.ctc.wstx.maxElementDepth";
    private static final int MAX_DEPTH = 100;

    private static XmlMapper createMapper() {
        return XmlMapper.builder(XmlFactory.builder().xmlInputFactory(INPUT).build())
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                .enable(FromXmlParser.Feature.EMPTY_ELEMENT_AS_NULL)
                .build();
    }

    public static XmlMapper mapper() {
        return MAPPER;
    }

    /**
     * A reader positioned on the document's root element, which must be {@code root}: a document of another
     * kind (an HTML page, another API's XML) is refused instead of read as an empty DS3 answer.
     */
    private static XMLStreamReader rooted(InputStream in, String root) throws IOException {
        try {
            XMLStreamReader reader = INPUT.createXMLStreamReader(in);
            reader.nextTag();
            if (!root.equals(reader.getLocalName())) {
                throw new JsonParseException(null, "expected a <" + root + "> document, got <" + reader.getLocalName() + ">");
            }
            return reader;
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof IOException io) {
                throw io; // the connection failed while the prolog was read: not the document's fault
            }
            throw new JsonParseException(null, "not a well-formed <" + root + "> document: " + e.getMessage(), e);
        }
    }

    /** Reads a whole MasterObjectList, every chunk and object, into the model. */
    public static MasterObjectList readMasterObjectList(InputStream in) throws IOException {
        return readMasterObjectList(in, true);
    }

    /**
     * Reads a MasterObjectList's attributes and nodes and skips every {@code <Objects>} chunk while
     * streaming, so memory stays constant whatever the number of objects.
     */
    public static MasterObjectList readMasterObjectListSummary(InputStream in) throws IOException {
        return readMasterObjectList(in, false);
    }

    private static MasterObjectList readMasterObjectList(InputStream in, boolean includeObjects) throws IOException {
        XMLStreamReader xml = rooted(in, "MasterObjectList");
        try {
            return MasterObjectListReader.read(xml, includeObjects);
        } finally {
            release(xml);
        }
    }

    public static ActiveJob readActiveJob(InputStream in) throws IOException {
        return readJob(in, JobReader.ACTIVE);
    }

    public static List<ActiveJob> readActiveJobs(InputStream in) throws IOException {
        return readJobs(in, "Job", JobReader.ACTIVE);
    }

    /** One completed job: its fields directly under {@code <Data>}, as for an active job. */
    public static CompletedJob readCompletedJob(InputStream in) throws IOException {
        return readJob(in, JobReader.COMPLETED);
    }

    /** {@code <Data><CompletedJob>…</CompletedJob>…</Data>}. */
    public static List<CompletedJob> readCompletedJobs(InputStream in) throws IOException {
        return readJobs(in, "CompletedJob", JobReader.COMPLETED);
    }

    public static CanceledJob readCanceledJob(InputStream in) throws IOException {
        return readJob(in, JobReader.CANCELED);
    }

    /** {@code <Data><CanceledJob>…</CanceledJob>…</Data>}. */
    public static List<CanceledJob> readCanceledJobs(InputStream in) throws IOException {
        return readJobs(in, "CanceledJob", JobReader.CANCELED);
    }

    private static <T extends Record> T readJob(InputStream in, JobReader.Kind<T> kind) throws IOException {
        XMLStreamReader xml = rooted(in, "Data");
        try {
            return JobReader.job(xml, kind);
        } catch (XMLStreamException e) {
            throw failure(e);
        } finally {
            release(xml);
        }
    }

    private static <T extends Record> List<T> readJobs(InputStream in, String element, JobReader.Kind<T> kind) throws IOException {
        XMLStreamReader xml = rooted(in, "Data");
        try {
            return JobReader.list(xml, element, kind);
        } finally {
            release(xml);
        }
    }

    /**
     * Closes the reader (not the stream under it, which the HTTP client owns), which hands its buffers back
     * to the parser's per-thread recycler: without it every answer allocates them afresh.
     */
    private static void release(XMLStreamReader xml) {
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // nothing is left to read or to release
        }
    }

    /** A StAX failure as the client classifies it: the connection's own I/O failure, or a bad document. */
    static IOException failure(XMLStreamException e) {
        if (e.getNestedException() instanceof IOException io) {
            return io;
        }
        return new JsonParseException(null, "not a well-formed document: " + e.getMessage(), e);
    }

    /** The {@code <Error>} document, or null when {@code body} is not one. */
    public static Ds3Error readError(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return MAPPER.readValue(rooted(new ByteArrayInputStream(body), "Error"), Ds3Error.class);
        } catch (IOException | RuntimeException notAnErrorDocument) {
            return null;
        }
    }
}
