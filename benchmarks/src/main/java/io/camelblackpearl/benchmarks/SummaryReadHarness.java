package io.camelblackpearl.benchmarks;

import io.camelblackpearl.ds3.Ds3ClientSettings;
import io.camelblackpearl.ds3.Ds3Credentials;
import io.camelblackpearl.ds3.Ds3RequestSigner;
import io.camelblackpearl.ds3.HttpDs3Client;
import io.camelblackpearl.ds3.RetryPolicy;
import io.camelblackpearl.ds3.model.MasterObjectList;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;

/**
 * The summary read ({@code includeObjects=false}) of a large job over HTTP against the full read of the same
 * answer, side by side in paired rounds against the simulator in its own process. The summary reads the root's
 * attributes and Nodes, then (the answer being larger than the client's drain limit) drops the connection
 * instead of reading the rest. Two bare paths show the two ways of ending such a read, measured together: read
 * the root's attributes with StAX, then drain the rest as bytes (the connection is kept), or abort the request
 * (the connection is closed, so the next call opens a new one).
 * <pre>java -cp benchmarks/target/benchmarks.jar io.camelblackpearl.benchmarks.SummaryReadHarness \
 *      blackpearl-simulator/target/blackpearl-simulator-0.1.0-SNAPSHOT-cli.jar [objects, default 200000] [rounds, default 15]</pre>
 */
public final class SummaryReadHarness {

    private static final String ACCESS = "YmVuY2g=";
    private static final String SECRET = "summary-bench";

    /** One factory, as any client keeps: creating it per call would weigh on the bare paths, not on the reads. */
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    private SummaryReadHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path cli = Path.of(args.length > 0 ? args[0] : "blackpearl-simulator/target/blackpearl-simulator-0.1.0-SNAPSHOT-cli.jar");
        int objects = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        Process simulator = SimulatorProcess.start(cli, ACCESS, SECRET, "--jobs", "1", "--objects-per-job", Integer.toString(objects));
        try (CloseableHttpClient bare = HttpClients.createDefault()) {
            String endpoint = SimulatorProcess.endpoint(simulator);
            String job = SimulatorProcess.jobIds(bare, endpoint, ACCESS, SECRET).get(0);
            Ds3ClientSettings defaults = Ds3ClientSettings.of(endpoint, new Ds3Credentials(ACCESS, SECRET));
            try (HttpDs3Client client = new HttpDs3Client(new Ds3ClientSettings(defaults.endpoint(), defaults.credentials(),
                    Duration.ofSeconds(10), Duration.ofSeconds(60), 4, null, 5, RetryPolicy.NONE))) {
                double[] full = new double[rounds];
                double[] summary = new double[rounds];
                double[] aborted = new double[rounds];
                double[] drained = new double[rounds];
                double[] ratio = new double[rounds];
                for (int round = -3; round < rounds; round++) { // three rounds of warm-up
                    double f = 0;
                    double s = 0;
                    double a = 0;
                    double d = 0;
                    // alternate the order of the paths round by round
                    for (int step = 0; step < 4; step++) {
                        int path = (step + Math.floorMod(round, 4)) % 4;
                        long started = System.nanoTime();
                        if (path == 0) {
                            MasterObjectList read = client.getJob(job, true).body();
                            check(read.chunks().stream().mapToInt(c -> c.objects().size()).sum() == objects, "full read");
                            f = (System.nanoTime() - started) / 1e6;
                        } else if (path == 1) {
                            MasterObjectList read = client.getJob(job, false).body();
                            check(read.jobId() != null && read.chunks().isEmpty(), "summary");
                            s = (System.nanoTime() - started) / 1e6;
                        } else if (path == 2) {
                            check(headThenEnd(bare, endpoint, job, true) != null, "head then abort");
                            a = (System.nanoTime() - started) / 1e6;
                        } else {
                            check(headThenEnd(bare, endpoint, job, false) != null, "head then drain");
                            d = (System.nanoTime() - started) / 1e6;
                        }
                    }
                    if (round >= 0) {
                        full[round] = f;
                        summary[round] = s;
                        aborted[round] = a;
                        drained[round] = d;
                        ratio[round] = f / s;
                    }
                }
                System.out.printf("MasterObjectList of %,d objects over HTTP, %d paired rounds (medians): full read %.1f ms, "
                        + "summary %.1f ms; bare StAX root attributes then rest drained as bytes %.1f ms, then connection "
                        + "aborted %.1f ms%n", objects, rounds, median(full), median(summary), median(drained), median(aborted));
                System.out.printf("ratio full/summary median %.2f (min %.2f, max %.2f)%n", median(ratio),
                        Arrays.stream(ratio).min().orElse(0), Arrays.stream(ratio).max().orElse(0));
            }
        } finally {
            simulator.destroy();
        }
    }

    /** The root's JobId read with StAX, then the request aborted, or the rest drained as bytes. */
    private static String headThenEnd(CloseableHttpClient http, String endpoint, String job, boolean abort) throws Exception {
        String path = "/_rest_/job/" + job;
        HttpUriRequestBase get = new HttpUriRequestBase("GET", URI.create(endpoint + path));
        Map<String, String> signed = Map.of("Date", Ds3RequestSigner.httpDate(Instant.now()));
        get.setHeader("Date", signed.get("Date"));
        get.setHeader("Authorization", Ds3RequestSigner.authorization(new Ds3Credentials(ACCESS, SECRET), "GET", path, signed));
        return http.execute(get, response -> {
            try (InputStream in = response.getEntity().getContent()) {
                XMLStreamReader xml = XML.createXMLStreamReader(in);
                xml.nextTag();
                String id = xml.getAttributeValue(null, "JobId");
                if (abort) {
                    get.cancel();
                } else {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                return id;
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
        });
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what + " read the wrong answer");
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
