package io.camelblackpearl.benchmarks;

import io.camelblackpearl.component.BlackPearlComponent;
import io.camelblackpearl.ds3.Ds3Credentials;
import io.camelblackpearl.ds3.Ds3RequestSigner;
import io.camelblackpearl.escalation.EscalationOutcome;
import io.camelblackpearl.escalation.EscalationPolicy;
import io.camelblackpearl.escalation.EscalationReport;
import io.camelblackpearl.escalation.PolicyFile;
import io.camelblackpearl.escalation.route.EscalationProcessor;
import io.camelblackpearl.escalation.route.SimpleConditions;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Figure 4 of the performance work, end to end: an escalation sweep over 10,000 active jobs of which exactly
 * 1,000 are due (names ending 00001 to 01000), through the Camel component with the escalation's parallelism,
 * against what any escalation must do, written bare: list every page with Apache HttpClient 5, read each job's id,
 * priority, creation date and name with a plain StAX loop, and send the same 1,000 signed PUTs at the same
 * concurrency. The simulator runs in its own process (its CLI jar); rounds are
 * paired (sweep, then bare, each from the same state) and the median ratio is printed.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.camelblackpearl.benchmarks.EscalationSweepHarness
 *      blackpearl-simulator/target/blackpearl-simulator-0.1.0-SNAPSHOT-cli.jar [rounds] [parallelism]</pre>
 */
public final class EscalationSweepHarness {

    private static final String ACCESS = "YmVuY2g=";
    private static final String SECRET = "bench-secret";
    private static final String POLICY = """
            maxEscalationsPerRun: 2000
            maxUrgentJobs: 0
            parallelism: %d
            rules:
              - id: due
                match: { name: "regex:[a-z]+-(00[0-9]{3}|01000)" }
                ladder:
                  - { after: 1m, priority: HIGH }
            """;

    private EscalationSweepHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path cli = Path.of(args.length > 0 ? args[0] : "blackpearl-simulator/target/blackpearl-simulator-0.1.0-SNAPSHOT-cli.jar");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Process simulator = SimulatorProcess.start(cli, ACCESS, SECRET,
                "--jobs", "10000", "--min-age", "2h", "--max-age", "3d", "--priorities", "LOW");
        try {
            String endpoint = SimulatorProcess.endpoint(simulator);
            run(endpoint, rounds, parallelism);
        } finally {
            simulator.destroy();
            simulator.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void run(String endpoint, int rounds, int parallelism) throws Exception {
        Bare bare = new Bare(endpoint, parallelism);
        List<String> due = bare.dueJobIds();
        if (due.size() != 1000) {
            throw new IllegalStateException("expected 1,000 due jobs, found " + due.size());
        }
        try (CamelContext camel = new DefaultCamelContext()) {
            BlackPearlComponent component = camel.getComponent("blackpearl", BlackPearlComponent.class);
            component.getConfiguration().setEndpoint(endpoint);
            component.getConfiguration().setAccessKey(ACCESS);
            component.getConfiguration().setSecretKey(SECRET);
            camel.start();
            EscalationPolicy policy = PolicyFile.parse(String.format(POLICY, parallelism), "bench", SimpleConditions.compiler(camel));
            EscalationProcessor escalation = new EscalationProcessor(policy, "blackpearl:activeJob", Clock.systemUTC());
            escalation.setCamelContext(camel);
            escalation.start();

            double[] ratios = new double[rounds];
            long[] sweeps = new long[rounds];
            long[] bares = new long[rounds];
            for (int round = -2; round < rounds; round++) { // two warm-up rounds
                // The order alternates, so neither side always runs on the other's leftovers (GC debt, caches).
                long sweep = 0;
                long baseline = 0;
                for (int side = 0; side < 2; side++) {
                    if ((side == 0) == (round % 2 == 0)) {
                        bare.put(due, "LOW");
                        long t0 = System.nanoTime();
                        DefaultExchange exchange = new DefaultExchange(camel);
                        escalation.process(exchange);
                        sweep = System.nanoTime() - t0;
                        EscalationReport report = exchange.getMessage().getBody(EscalationReport.class);
                        if (report.count(EscalationOutcome.APPLIED) != 1000 || report.activeJobs() != 10000) {
                            throw new IllegalStateException("the sweep did not apply the 1,000 due jobs: " + report.counts());
                        }
                    } else {
                        bare.put(due, "LOW");
                        long t1 = System.nanoTime();
                        bare.listAllPages();
                        bare.put(due, "HIGH");
                        baseline = System.nanoTime() - t1;
                    }
                }
                if (round >= 0) {
                    sweeps[round] = sweep;
                    bares[round] = baseline;
                    ratios[round] = (double) sweep / baseline;
                }
            }
            if (Boolean.getBoolean("breakdown")) {
                ProducerTemplate template = camel.createProducerTemplate();
                for (int i = 0; i < 3; i++) {
                    long t = System.nanoTime();
                    template.requestBodyAndHeader("blackpearl:activeJob", null, "CamelBlackPearlOperation", "list");
                    long list = System.nanoTime() - t;
                    t = System.nanoTime();
                    bare.listAllPages();
                    long bareList = System.nanoTime() - t;
                    bare.put(due, "LOW");
                    t = System.nanoTime();
                    List<Future<Object>> sent = new ArrayList<>();
                    for (String id : due) {
                        sent.add(bare.threads.submit(() -> template.requestBodyAndHeaders("blackpearl:activeJob?includeObjects=false", null,
                                Map.of("CamelBlackPearlJobId", id, "CamelBlackPearlPriority", "HIGH", "CamelBlackPearlOperation", "modify"))));
                    }
                    for (Future<Object> f : sent) {
                        f.get();
                    }
                    long modifies = System.nanoTime() - t;
                    bare.put(due, "LOW");
                    t = System.nanoTime();
                    bare.put(due, "HIGH");
                    long bareModifies = System.nanoTime() - t;
                    System.out.printf("list: producer %.1f ms, bare %.1f ms; 1000 modifies: producer %.1f ms, bare %.1f ms%n",
                            list / 1e6, bareList / 1e6, modifies / 1e6, bareModifies / 1e6);
                }
            }
            escalation.stop();
            Arrays.sort(ratios);
            Arrays.sort(sweeps);
            Arrays.sort(bares);
            System.out.printf("sweep of 10,000 active jobs, 1,000 due, parallelism %d, %d paired rounds:%n", parallelism, rounds);
            System.out.printf("  component sweep  median %7.1f ms%n", sweeps[rounds / 2] / 1e6);
            System.out.printf("  bare HttpClient  median %7.1f ms%n", bares[rounds / 2] / 1e6);
            System.out.printf("  ratio sweep/bare median %7.2f (min %.2f, max %.2f)%n", ratios[rounds / 2], ratios[0], ratios[rounds - 1]);
        } finally {
            bare.close();
        }
    }

    /**
     * What any escalation must do, with nothing but HttpClient and StAX: signed requests on pooled kept-alive
     * connections, each listed job's id, priority, creation date and name read, the modifies sent.
     */
    private static final class Bare implements AutoCloseable {
        private final String endpoint;
        private final CloseableHttpClient http;
        final ExecutorService threads;
        private final Ds3Credentials credentials = new Ds3Credentials(ACCESS, SECRET);

        Bare(String endpoint, int parallelism) {
            this.endpoint = endpoint;
            this.http = HttpClients.custom().setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(64).setMaxConnPerRoute(64)
                    .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build()).build())
                    .disableAutomaticRetries().build();
            this.threads = Executors.newFixedThreadPool(parallelism);
        }

        private String send(String method, String path, String query) throws Exception {
            HttpUriRequestBase request = new HttpUriRequestBase(method, URI.create(endpoint + path + "?" + query));
            Map<String, String> signed = Map.of("Date", Ds3RequestSigner.httpDate(Instant.now()));
            request.setHeader("Date", signed.get("Date"));
            request.setHeader("Authorization", Ds3RequestSigner.authorization(credentials, method, path, signed));
            return http.execute(request, response -> {
                if (response.getCode() != 200) {
                    throw new IllegalStateException(method + " " + path + " answered " + response.getCode());
                }
                return EntityUtils.toString(response.getEntity());
            });
        }

        /** One listed job as the baseline reads it: the four fields an escalation decides on. */
        record Listed(String id, String priority, Instant createdAt, String name) {
        }

        List<Listed> listAllPages() throws Exception {
            List<Listed> jobs = new ArrayList<>(10000);
            for (int offset = 0; offset < 10000; offset += 1000) {
                readJobs(send("GET", "/_rest_/active_job", "page_length=1000&page_offset=" + offset), jobs);
            }
            if (jobs.size() != 10000) {
                throw new IllegalStateException("the bare listing read " + jobs.size() + " jobs");
            }
            return jobs;
        }

        private static final XMLInputFactory XML = XMLInputFactory.newFactory();

        /** A plain StAX loop over {@code <Data><Job>…</Job>…</Data>}: the four fields' text, every other element skipped. */
        private static void readJobs(String page, List<Listed> into) throws Exception {
            XMLStreamReader xml = XML.createXMLStreamReader(new StringReader(page));
            try {
                String id = null;
                String priority = null;
                String created = null;
                String name = null;
                int depth = 0;
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        if (depth == 3) {
                            switch (xml.getLocalName()) {
                                case "Id" -> id = xml.getElementText();
                                case "Priority" -> priority = xml.getElementText();
                                case "CreatedAt" -> created = xml.getElementText();
                                case "Name" -> name = xml.getElementText();
                                default -> {
                                    continue;
                                }
                            }
                            depth--; // getElementText consumed the end tag
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        if (depth == 2) {
                            into.add(new Listed(id, priority, Instant.parse(created), name));
                            id = priority = created = name = null;
                        }
                        depth--;
                    }
                }
            } finally {
                xml.close();
            }
        }

        void put(List<String> ids, String priority) throws Exception {
            List<Future<String>> sent = new ArrayList<>();
            for (String id : ids) {
                sent.add(threads.submit(() -> send("PUT", "/_rest_/active_job/" + id, "priority=" + priority)));
            }
            for (Future<String> f : sent) {
                f.get();
            }
        }

        /** Job ids of the due jobs, found once (not timed) by reading the listing's names. */
        List<String> dueJobIds() throws Exception {
            List<String> ids = new ArrayList<>();
            Pattern job = Pattern.compile("<Id>([^<]+)</Id>.*?<Name>[a-z]+-(00\\d{3}|01000)</Name>", Pattern.DOTALL);
            for (int offset = 0; offset < 10000; offset += 1000) {
                String page = send("GET", "/_rest_/active_job", "page_length=1000&page_offset=" + offset);
                for (String one : page.split("</Job>")) {
                    Matcher m = job.matcher(one);
                    if (m.find()) {
                        ids.add(m.group(1));
                    }
                }
            }
            return ids;
        }

        @Override
        public void close() throws Exception {
            threads.shutdownNow();
            http.close();
        }
    }
}
