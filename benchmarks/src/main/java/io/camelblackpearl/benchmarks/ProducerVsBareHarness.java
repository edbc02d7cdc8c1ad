package io.camelblackpearl.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import io.camelblackpearl.component.BlackPearlComponent;
import io.camelblackpearl.component.BlackPearlConstants;
import io.camelblackpearl.component.BlackPearlEndpoint;
import io.camelblackpearl.ds3.Ds3Client;
import io.camelblackpearl.ds3.Ds3Credentials;
import io.camelblackpearl.ds3.Ds3RequestSigner;
import io.camelblackpearl.ds3.JobModification;
import io.camelblackpearl.ds3.model.Priority;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Figure 1 of the performance work, end to end: Modify Active Job through the Camel producer
 * ({@code blackpearl:activeJob?priority=HIGH&includeObjects=false}) against a bare Apache HttpClient 5 sending
 * the same signed PUT on pooled kept-alive connections and parsing nothing, at 1 and at 8 concurrent callers.
 * The simulator runs in its own process. Rounds are paired (producer and bare in alternating order, same
 * callers, same jobs) and the median of the throughput ratios producer/bare is printed, with the calling
 * threads' CPU time per call. Then figure 5: the simulator under {@link RawLoad} at 8 and 32 connections, each
 * round paired with the bare client at 8 callers. {@code -Dservice.time=1ms} makes every modify wait that long
 * in the simulator (as on an appliance) and skips figure 5, as {@code -Dfigure1.only=true} does.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.camelblackpearl.benchmarks.ProducerVsBareHarness
 *      blackpearl-simulator/target/blackpearl-simulator-0.1.0-SNAPSHOT-cli.jar [rounds] [calls per round at 1 caller, four times as many at 8]</pre>
 */
public final class ProducerVsBareHarness {

    private static final String ACCESS = "YmVuY2g=";
    private static final String SECRET = "bench-secret";

    private ProducerVsBareHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path cli = Path.of(args.length > 0 ? args[0] : "blackpearl-simulator/target/blackpearl-simulator-0.1.0-SNAPSHOT-cli.jar");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 4000;
        // -Dservice.time=1ms: every modify waits that long in the simulator, as on an appliance, which takes
        // milliseconds; the ratio then says what the component costs where it is used. Figure 5 is skipped.
        String serviceTime = System.getProperty("service.time");
        List<String> simulatorArgs = new ArrayList<>(List.of("--jobs", "64", "--priorities", "LOW"));
        if (serviceTime != null) {
            simulatorArgs.addAll(List.of("--fault", "modify:delay=" + serviceTime));
            System.out.println("every modify takes " + serviceTime + " in the simulator");
        }
        Process simulator = SimulatorProcess.start(cli, ACCESS, SECRET, simulatorArgs.toArray(String[]::new));
        try (CamelContext camel = new DefaultCamelContext();
             CloseableHttpClient http = HttpClients.custom().setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                     .setMaxConnTotal(40).setMaxConnPerRoute(40)
                     .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build()).build())
                     .disableAutomaticRetries().build()) {
            String endpoint = SimulatorProcess.endpoint(simulator);
            List<String> jobs = SimulatorProcess.jobIds(http, endpoint, ACCESS, SECRET);
            BlackPearlComponent component = camel.getComponent("blackpearl", BlackPearlComponent.class);
            component.getConfiguration().setEndpoint(endpoint);
            component.getConfiguration().setAccessKey(ACCESS);
            component.getConfiguration().setSecretKey(SECRET);
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            Endpoint modify = camel.getEndpoint("blackpearl:activeJob?priority=HIGH&includeObjects=false");
            Ds3Credentials credentials = new Ds3Credentials(ACCESS, SECRET);

            // The rate a benchmark drives is its median, as every figure here is; the fastest single round is kept too.
            double highestDriven = 0;
            double fastestRound = 0;
            Call throughProducer = (job) -> {
                template.requestBodyAndHeader(modify, null, BlackPearlConstants.JOB_ID, job);
                return null;
            };
            Call bareCall = (job) -> bareModify(http, endpoint, credentials, job);
            // Both paths compiled before any round counts: the producer's path (Camel, the XML reader) runs far more
            // code than the bare one and needs more calls than the first rounds gave it to reach its steady state.
            // Rounds of about the same length at 1 and at 8 callers: 8 callers call about four times as often, and
            // rounds of a fifth of a second were mostly scheduling noise. Figure 5 pairs with the same 8-caller rounds.
            int callsAtEightCallers = calls * 4;
            ExecutorService warmUp = Executors.newFixedThreadPool(8);
            int warmUpCalls = calls * 20;
            rate(warmUp, 8, warmUpCalls, jobs, throughProducer);
            rate(warmUp, 8, warmUpCalls, jobs, bareCall);
            // The series of figure 1, each round running all of them in turn (the first rotates, so that none always
            // runs on another's leftovers: GC debt, caches). -Dbreakdown=true adds the steps between bare and producer.
            Map<String, Call> series = new LinkedHashMap<>();
            series.put("producer", throughProducer);
            series.put("bare", bareCall);
            if (Boolean.getBoolean("breakdown")) {
                Ds3Client client = ((BlackPearlEndpoint) modify).getClient();
                JobModification high = JobModification.ofPriority(Priority.HIGH);
                series.put("ds3 client", job -> client.modifyActiveJob(job, high, false));
                Endpoint noDeadline = camel.getEndpoint("blackpearl:activeJob?priority=HIGH&includeObjects=false&callTimeout=0");
                series.put("producer, callTimeout=0", job -> template.requestBodyAndHeader(noDeadline, null, BlackPearlConstants.JOB_ID, job));
                series.forEach((name, call) -> {
                    try {
                        rate(warmUp, 8, warmUpCalls / 2, jobs, call);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            warmUp.shutdown();
            List<String> names = new ArrayList<>(series.keySet());
            for (int callers : new int[] {1, 8}) {
                ExecutorService threads = Executors.newFixedThreadPool(callers);
                int callsPerRound = callers == 1 ? calls : callsAtEightCallers;
                Map<String, double[]> rates = new LinkedHashMap<>();
                Map<String, double[]> threadCpu = new LinkedHashMap<>();
                Map<String, double[]> rateRatios = new LinkedHashMap<>();
                // the process CPU clock ticks in 10 ms steps: per call it is read over all rounds together
                Map<String, Double> processCpuTotal = new LinkedHashMap<>();
                names.forEach(name -> {
                    rates.put(name, new double[rounds]);
                    threadCpu.put(name, new double[rounds]);
                    rateRatios.put(name, new double[rounds]);
                });
                for (int round = -2; round < rounds; round++) {
                    Map<String, double[]> measured = new LinkedHashMap<>();
                    for (int k = 0; k < names.size(); k++) {
                        String name = names.get(Math.floorMod(round + k, names.size()));
                        double rate = rate(threads, callers, callsPerRound, jobs, series.get(name));
                        measured.put(name, new double[] {rate, LAST_CPU_MICROS_PER_CALL.get(), LAST_PROCESS_CPU_MICROS_PER_CALL.get()});
                    }
                    if (round >= 0) {
                        double[] bare = measured.get("bare");
                        for (String name : names) {
                            double[] m = measured.get(name);
                            rates.get(name)[round] = m[0];
                            threadCpu.get(name)[round] = m[1];
                            rateRatios.get(name)[round] = m[0] / bare[0];
                            processCpuTotal.merge(name, m[2], Double::sum);
                        }
                    }
                }
                threads.shutdown();
                List.of(rates, threadCpu, rateRatios).forEach(map -> map.values().forEach(Arrays::sort));
                int mid = rounds / 2;
                highestDriven = Math.max(highestDriven, Math.max(rates.get("producer")[mid], rates.get("bare")[mid]));
                fastestRound = Math.max(fastestRound, Math.max(rates.get("producer")[rounds - 1], rates.get("bare")[rounds - 1]));
                System.out.printf("%d caller(s): client CPU per call (calling threads), producer %.1f µs, bare %.1f µs (medians)%n",
                        callers, threadCpu.get("producer")[mid], threadCpu.get("bare")[mid]);
                for (String name : names) {
                    if (!name.equals("bare") && !name.equals("producer")) {
                        System.out.printf("%d caller(s), step %s: %.0f/s, %.1f µs process CPU per call; rate/bare median %.2f, "
                                        + "CPU/bare over all rounds %.2f%n", callers, name, rates.get(name)[mid],
                                processCpuTotal.get(name) / rounds, rateRatios.get(name)[mid],
                                processCpuTotal.get(name) / processCpuTotal.get("bare"));
                    }
                }
                System.out.printf("%d caller(s): client process CPU per call over all rounds (every thread of this JVM: callers, "
                                + "deadline sweep, GC), producer %.1f µs, bare %.1f µs: CPU producer/bare %.2f%n", callers,
                        processCpuTotal.get("producer") / rounds, processCpuTotal.get("bare") / rounds,
                        processCpuTotal.get("producer") / processCpuTotal.get("bare"));
                double[] ratios = rateRatios.get("producer");
                System.out.printf("%d caller(s), %d paired rounds of %d modifies: producer %.0f/s, bare %.0f/s, "
                                + "ratio producer/bare median %.2f (min %.2f, max %.2f)%n", callers, rounds, callsPerRound,
                        rates.get("producer")[mid], rates.get("bare")[mid], ratios[mid], ratios[0], ratios[rounds - 1]);
            }
            if (serviceTime != null || Boolean.getBoolean("figure1.only")) {
                return;
            }
            // Figure 5: the simulator's own rate under many concurrent keep-alive clients (the bare client, 32 callers).
            ExecutorService many = Executors.newFixedThreadPool(32);
            double[] rates = new double[rounds];
            for (int round = -1; round < rounds; round++) {
                double rate = rate(many, 32, calls * 2, jobs, (job) -> bareModify(http, endpoint, credentials, job));
                if (round >= 0) {
                    rates[round] = rate;
                }
            }
            many.shutdown();
            Arrays.sort(rates);
            System.out.printf("simulator under 32 concurrent keep-alive callers: median %.0f modifies/s (min %.0f, max %.0f)%n",
                    rates[rounds / 2], rates[0], rates[rounds - 1]);
            // The same, with a client that costs next to nothing (one thread, non-blocking sockets), so that the two
            // cores go to the simulator, at 8 connections (the concurrency of the highest-rate driver of figures 1-4,
            // the bare client at 8 callers) and at 32; and the simulator's own CPU time per answer, read from its
            // process. Each round is paired, like every other figure, with that driver measured in the same round,
            // so that a slow spell of the machine moves both sides.
            ExecutorService eight = Executors.newFixedThreadPool(8);
            int[] connectionCounts = {8, 32};
            double[][] raw = new double[2][rounds];
            double[][] ratios = new double[2][rounds];
            double[][] simulatorCpu = new double[2][rounds];
            double[] driven = new double[rounds];
            for (int round = -1; round < rounds; round++) {
                int requests = round < 0 ? calls * 10 : calls * 4; // the first round warms the simulator's JIT up
                double bare = 0;
                if (round % 2 == 0) {
                    bare = rate(eight, 8, callsAtEightCallers, jobs, (job) -> bareModify(http, endpoint, credentials, job));
                }
                double[] rawRates = new double[2];
                double[] cpu = new double[2];
                for (int k = 0; k < 2; k++) {
                    int c = round % 2 == 0 ? k : 1 - k;
                    Duration cpuBefore = simulator.info().totalCpuDuration().orElse(Duration.ZERO);
                    rawRates[c] = rawRate(endpoint, credentials, jobs, connectionCounts[c], requests);
                    Duration cpuAfter = simulator.info().totalCpuDuration().orElse(Duration.ZERO);
                    cpu[c] = cpuAfter.minus(cpuBefore).toNanos() / 1e3 / requests;
                }
                if (round % 2 != 0) {
                    bare = rate(eight, 8, callsAtEightCallers, jobs, (job) -> bareModify(http, endpoint, credentials, job));
                }
                if (round >= 0) {
                    driven[round] = bare;
                    for (int c = 0; c < 2; c++) {
                        raw[c][round] = rawRates[c];
                        ratios[c][round] = rawRates[c] / bare;
                        simulatorCpu[c][round] = cpu[c];
                    }
                }
            }
            eight.shutdown();
            Arrays.sort(driven);
            for (int c = 0; c < 2; c++) {
                Arrays.sort(raw[c]);
                Arrays.sort(ratios[c]);
                Arrays.sort(simulatorCpu[c]);
                System.out.printf("simulator under %d raw keep-alive connections (one non-blocking client thread, pre-signed "
                                + "requests, answers skipped by Content-Length): median %.0f modifies/s (min %.0f, max %.0f), "
                                + "simulator CPU %.1f µs per answer; paired with the bare client at 8 callers in the same "
                                + "round (median %.0f/s): ratio median %.2f (min %.2f, max %.2f)%n",
                        connectionCounts[c], raw[c][rounds / 2], raw[c][0], raw[c][rounds - 1], simulatorCpu[c][rounds / 2],
                        driven[rounds / 2], ratios[c][rounds / 2], ratios[c][0], ratios[c][rounds - 1]);
            }
            System.out.printf("highest median rate driven in the rounds of figure 1: %.0f/s; fastest single round %.0f/s%n",
                    highestDriven, fastestRound);
        } finally {
            simulator.destroy();
            simulator.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @FunctionalInterface
    private interface Call {
        Object on(String job) throws Exception;
    }

    /** What the producer's modify costs at its least: one signed PUT, the answer read as bytes and not parsed. */
    private static Void bareModify(CloseableHttpClient http, String endpoint, Ds3Credentials credentials, String job)
            throws Exception {
        String path = "/_rest_/active_job/" + job;
        HttpUriRequestBase put = new HttpUriRequestBase("PUT", URI.create(endpoint + path + "?priority=HIGH"));
        Map<String, String> signed = Map.of("Date", Ds3RequestSigner.httpDate(Instant.now()));
        put.setHeader("Date", signed.get("Date"));
        put.setHeader("Authorization", Ds3RequestSigner.authorization(credentials, "PUT", path, signed));
        http.execute(put, response -> EntityUtils.toByteArray(response.getEntity()));
        return null;
    }

    /**
     * The simulator's own rate: {@code connections} kept-alive sockets driven by {@link RawLoad}, each sending PUTs
     * signed once up front (the Date stays within the appliance's 15 minutes).
     */
    private static double rawRate(String endpoint, Ds3Credentials credentials, List<String> jobs, int connections, int calls)
            throws Exception {
        URI uri = URI.create(endpoint);
        return RawLoad.run(uri.getHost(), uri.getPort(), RawLoad.signedModifies(uri.getHost(), uri.getPort(), credentials, jobs),
                connections, calls);
    }

    /** Calls per second: {@code calls} calls spread over {@code callers} threads, each taking jobs in turn. */
    private static double rate(ExecutorService threads, int callers, int calls, List<String> jobs, Call call) throws Exception {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicLong cpuNanos = new AtomicLong();
        List<Callable<Void>> work = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            int caller = c;
            work.add(() -> {
                long before = cpu.getCurrentThreadCpuTime();
                for (int i = caller; i < calls; i += callers) {
                    call.on(jobs.get(i % jobs.size()));
                }
                cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - before);
                return null;
            });
        }
        long processBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        for (Future<Void> done : threads.invokeAll(work)) {
            done.get();
        }
        double rate = calls / ((System.nanoTime() - start) / 1e9);
        LAST_PROCESS_CPU_MICROS_PER_CALL.set((os.getProcessCpuTime() - processBefore) / 1e3 / calls);
        LAST_CPU_MICROS_PER_CALL.set(cpuNanos.get() / 1e3 / calls);
        return rate;
    }

    /**
     * The calling threads' CPU time per call in the last {@link #rate} measurement, in microseconds: HttpClient
     * classic and the Camel producer both work in the calling thread, so this is the client's own cost per call,
     * which contention for the cores moves far less than throughput.
     */
    private static final AtomicReference<Double> LAST_CPU_MICROS_PER_CALL =
            new AtomicReference<>(0.0);

    /** The whole client JVM's CPU time per call in the last {@link #rate} measurement (the simulator runs apart). */
    private static final AtomicReference<Double> LAST_PROCESS_CPU_MICROS_PER_CALL =
            new AtomicReference<>(0.0);
}
