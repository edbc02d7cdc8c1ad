package io.camelblackpearl.benchmarks;

import io.camelblackpearl.ds3.Ds3Xml;
import io.camelblackpearl.ds3.model.MasterObjectList;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Reading a MasterObjectList fully versus its summary (attributes and nodes, chunks skipped while streaming). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MasterObjectListParseBenchmark {

    @Param({"10000"})
    public int objects;

    private byte[] document;

    @Setup
    public void generate() {
        UUID job = UUID.randomUUID();
        StringBuilder xml = new StringBuilder(objects * 200);
        xml.append("<MasterObjectList Aggregating=\"false\" BucketName=\"b\" CachedSizeInBytes=\"0\" ")
                .append("ChunkClientProcessingOrderGuarantee=\"NONE\" CompletedSizeInBytes=\"0\" JobId=\"").append(job)
                .append("\" Naked=\"false\" Name=\"archive\" OriginalSizeInBytes=\"1\" Priority=\"HIGH\" RequestType=\"PUT\" ")
                .append("StartDate=\"2026-01-01T00:00:00.000Z\" Status=\"IN_PROGRESS\" UserId=\"").append(job)
                .append("\" UserName=\"u\"><Nodes><Node EndPoint=\"10.0.0.1\" HttpPort=\"80\" Id=\"").append(job).append("\"/></Nodes>");
        for (int i = 0; i < objects; i++) {
            if (i % 1000 == 0) {
                if (i > 0) {
                    xml.append("</Objects>");
                }
                xml.append("<Objects ChunkId=\"").append(UUID.randomUUID()).append("\" ChunkNumber=\"").append(i / 1000 + 1).append("\">");
            }
            xml.append("<Object Id=\"").append(UUID.randomUUID()).append("\" InCache=\"false\" Latest=\"true\" Length=\"1024\" Name=\"obj-")
                    .append(i).append("\" Offset=\"0\" VersionId=\"").append(UUID.randomUUID()).append("\"/>");
        }
        xml.append("</Objects></MasterObjectList>");
        document = xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public MasterObjectList full() throws IOException {
        return Ds3Xml.readMasterObjectList(new ByteArrayInputStream(document));
    }

    @Benchmark
    public MasterObjectList summary() throws IOException {
        return Ds3Xml.readMasterObjectListSummary(new ByteArrayInputStream(document));
    }
}
