package io.camelblackpearl.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.management.ThreadMXBean;
import io.camelblackpearl.ds3.Ds3Xml;
import io.camelblackpearl.ds3.model.MasterObjectList;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * Figures 2 and 3 of the performance work: reading a MasterObjectList of N objects (default 1,000,000, about
 * 190 MB) from a file, paired rounds, medians.
 * <ul>
 * <li>summary read ({@code includeObjects=false}) against a bare StAX loop that reads the same root attributes
 *     and skips the same chunks; and the bytes it allocates (the heap it needs stays small whatever N is);</li>
 * <li>full read into the model against a plain Jackson {@code XmlMapper} binding the same document to the same
 *     record classes with default settings (what a general-purpose DS3 client does).</li>
 * </ul>
 * <pre>java -Xmx2g -cp benchmarks/target/benchmarks.jar io.camelblackpearl.benchmarks.XmlReadHarness [objects] [rounds]
 * java -Xmx16m -cp benchmarks/target/benchmarks.jar io.camelblackpearl.benchmarks.XmlReadHarness 1000000 1 summary-in-this-heap</pre>
 */
public final class XmlReadHarness {

    /** One factory for the baseline, as the product keeps one: creating it per read would be a cost of its own. */
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    private XmlReadHarness() {
    }

    public static void main(String[] args) throws Exception {
        int objects = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path file = Files.createTempFile("mol", ".xml");
        try {
            write(file, objects);
            if (args.length > 2 && args[2].equals("summary-in-this-heap")) {
                // Run with a small -Xmx: the summary of the whole document must fit in it.
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
                    MasterObjectList summary = Ds3Xml.readMasterObjectListSummary(in);
                    System.out.printf("summary of %,d objects read in a heap of %,d MB (max): job %s%n", objects,
                            Runtime.getRuntime().maxMemory() >> 20, summary.jobId());
                }
                return;
            }
            System.out.printf("MasterObjectList of %,d objects, %,d MB, %d paired rounds:%n", objects, Files.size(file) >> 20, rounds);
            double[] summary = new double[rounds];
            double[] bare = new double[rounds];
            double[] summaryRatio = new double[rounds];
            long allocated = 0;
            for (int round = -1; round < rounds; round++) {
                long before = allocatedBytes();
                long t0 = System.nanoTime();
                MasterObjectList read;
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
                    read = Ds3Xml.readMasterObjectListSummary(in);
                }
                long ours = System.nanoTime() - t0;
                long allocation = allocatedBytes() - before;
                long t1 = System.nanoTime();
                String jobId = bareStax(file);
                long baseline = System.nanoTime() - t1;
                if (!read.jobId().toString().equals(jobId)) {
                    throw new IllegalStateException("the two readers disagree");
                }
                if (round >= 0) {
                    summary[round] = ours / 1e6;
                    bare[round] = baseline / 1e6;
                    summaryRatio[round] = (double) ours / baseline;
                    allocated = Math.max(allocated, allocation);
                }
            }
            print("summary read", summary, "bare StAX loop", bare, summaryRatio);
            System.out.printf("  summary read allocated at most %,d KB per read (it keeps no object)%n", allocated >> 10);

            XmlMapper plain = XmlMapper.builder().addModule(new JavaTimeModule())
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
            double[] full = new double[rounds];
            double[] binding = new double[rounds];
            double[] fullRatio = new double[rounds];
            for (int round = -1; round < rounds; round++) {
                long t0 = System.nanoTime();
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
                    check(Ds3Xml.readMasterObjectList(in), objects);
                }
                long ours = System.nanoTime() - t0;
                long t1 = System.nanoTime();
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
                    check(plain.readValue(in, MasterObjectList.class), objects);
                }
                long baseline = System.nanoTime() - t1;
                if (round >= 0) {
                    full[round] = ours / 1e6;
                    binding[round] = baseline / 1e6;
                    fullRatio[round] = (double) ours / baseline;
                }
            }
            print("full read", full, "plain XmlMapper", binding, fullRatio);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void check(MasterObjectList list, int objects) {
        int read = list.chunks().stream().mapToInt(c -> c.objects().size()).sum();
        if (read != objects) {
            throw new IllegalStateException("read " + read + " objects of " + objects);
        }
    }

    private static void print(String ours, double[] oursMs, String base, double[] baseMs, double[] ratios) {
        Arrays.sort(oursMs);
        Arrays.sort(baseMs);
        Arrays.sort(ratios);
        int m = ratios.length / 2;
        System.out.printf("  %s median %.3f ms, %s median %.3f ms, ratio median %.2f (min %.2f, max %.2f)%n",
                ours, oursMs[m], base, baseMs[m], ratios[m], ratios[0], ratios[ratios.length - 1]);
    }

    /**
     * The baseline: the root's attributes read and the Nodes skipped, stopping at the first chunk, as the summary
     * does (both then close the file unread).
     */
    private static String bareStax(Path file) throws Exception {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            XMLStreamReader2 xml = (XMLStreamReader2) XML.createXMLStreamReader(in);
            xml.nextTag();
            String jobId = xml.getAttributeValue(null, "JobId");
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                xml.getAttributeValue(i);
            }
            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT && !xml.getLocalName().equals("Objects")) {
                xml.skipElement();
            }
            return jobId;
        }
    }

    private static long allocatedBytes() {
        return ((ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** A realistic MasterObjectList: 1,000 objects per chunk, as the simulator writes them. */
    private static void write(Path file, int objects) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<MasterObjectList Aggregating=\"false\" BucketName=\"media\" "
                    + "CachedSizeInBytes=\"0\" ChunkClientProcessingOrderGuarantee=\"NONE\" CompletedSizeInBytes=\"0\" JobId=\""
                    + UUID.randomUUID() + "\" Naked=\"false\" Name=\"archive-00001\" OriginalSizeInBytes=\"" + objects * 1024L
                    + "\" Priority=\"LOW\" RequestType=\"PUT\" StartDate=\"2026-11-28T12:00:00.000Z\" Status=\"IN_PROGRESS\" UserId=\""
                    + UUID.randomUUID() + "\" UserName=\"ingest\">\n  <Nodes><Node EndPoint=\"127.0.0.1\" HttpPort=\"8080\" Id=\""
                    + UUID.randomUUID() + "\"/></Nodes>\n");
            for (int i = 0; i < objects; i++) {
                if (i % 1000 == 0) {
                    if (i > 0) {
                        out.write("  </Objects>\n");
                    }
                    out.write("  <Objects ChunkId=\"" + UUID.randomUUID() + "\" ChunkNumber=\"" + (i / 1000 + 1) + "\">\n");
                }
                out.write("    <Object Id=\"" + UUID.randomUUID() + "\" InCache=\"false\" Latest=\"true\" Length=\"1024\" Name=\"dir/object-"
                        + i + ".bin\" Offset=\"0\" VersionId=\"" + UUID.randomUUID() + "\"/>\n");
            }
            out.write("  </Objects>\n</MasterObjectList>\n");
        }
    }
}
