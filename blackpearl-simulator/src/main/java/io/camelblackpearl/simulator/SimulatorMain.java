package io.camelblackpearl.simulator;

import io.camelblackpearl.simulator.work.Arrivals;
import io.camelblackpearl.simulator.work.CompletedJobsToWorkload;
import io.camelblackpearl.simulator.work.LoadArrivals;
import io.camelblackpearl.simulator.work.WorkModel;
import io.camelblackpearl.simulator.work.WorkSettings;
import io.camelblackpearl.simulator.work.Workload;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * The standalone simulator: {@code java -jar blackpearl-simulator-<version>-cli.jar --port 8080 --jobs 500}.
 * Prints the endpoint and the credentials it accepts, then serves until stopped (Ctrl-C).
 */
public final class SimulatorMain {

    private static final String USAGE = """
            Usage: java -jar blackpearl-simulator-cli.jar [options]
              --port N              port to listen on (default 8080; 0 picks a free one)
              --bind ADDRESS        address to bind (default 127.0.0.1)
              --jobs N              active jobs to seed (default 100)
              --min-age DURATION    youngest seeded job, e.g. 1m, 2h, 3d (default 1m)
              --max-age DURATION    oldest seeded job (default 3d)
              --priorities LIST     comma-separated priorities to draw from (default LOW,NORMAL,NORMAL,HIGH);
                                    with --load also those of new jobs (default by request type: GET HIGH,
                                    PUT NORMAL, VERIFY LOW)
              --request-types LIST  comma-separated of PUT,GET,VERIFY (default PUT,GET,VERIFY)
              --buckets LIST        comma-separated bucket names
              --users LIST          comma-separated user names
              --objects-per-job N   objects in each job's MasterObjectList (default 0)
              --seed N              random seed, for reproducible jobs (default 42)
              --access-key KEY      access id to accept (default: generated)
              --secret-key KEY      its secret key (default: generated)
              --complete-after DURATION
                                    jobs end on their own, on average this long after the simulator
                                    first holds them (exponentially distributed; default: never)
              --cancel-rate R       with --complete-after: the share of jobs canceled instead, 0 to 1
                                    (default 0.1)
              --new-job-every DURATION
                                    with --complete-after: a new job arrives this often (default: none)
              --time-scale X        the appliance's time runs X times faster than the wall clock, e.g. 600:
                                    a real second is ten simulated minutes (default 1)
            The work model (docs/simulator.md): jobs progress chunk by chunk on drives, by priority.
            It is on when any of these is given:
              --drives N            tape drives (default 4)
              --drive-rate RATE     each drive's rate, e.g. 300MB/s (default)
              --chunk-size SIZE     chunk size, e.g. 64GB (default)
              --cache-size SIZE     cache size, e.g. 2TB (default); 15% of it is kept for URGENT jobs
              --load X              new jobs arrive for an offered load of X (e.g. 0.9) of the drives' rate
              --deadline-share R    with --load: the share of new jobs with a deadline in their name,
                                    "due=<instant>", 0 to 1 (default 0.3)
              --deadline-types LIST with --load: the request types that get deadlines (default PUT,GET,VERIFY)
              --workload FILE       new jobs arrive as the JSON Lines FILE says (see workload-from-completed)
              --tls-key-store FILE  serve https with the PKCS12 key store's key and certificate
              --tls-key-store-password PW
                                    its password (default changeit)
              --access-log FILE     append one line per request: time, method, path and query, status
              --fault-seed N        seed of the fault draws (rates, delay ranges), for reproducible runs (default 42)
            """ + FaultSpec.GRAMMAR + """

            Usage: java -jar blackpearl-simulator-cli.jar workload-from-completed FILE
              turns an appliance's completed-job list (the XML body of GET /_rest_/completed_job) into a
              workload file on standard output, to replay with --workload
            """;

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("workload-from-completed")) {
            System.exit(workloadFromCompleted(args));
            return;
        }
        Ds3Simulator simulator;
        try {
            simulator = fromArgs(args);
        } catch (HelpRequested e) {
            System.out.println("camel-blackpearl simulator");
            System.out.print(USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        simulator.start();
        System.out.println("BlackPearl simulator listening on " + simulator.endpoint());
        System.out.println("access key: " + simulator.accessKey());
        System.out.println("secret key: " + simulator.secretKey());
        System.out.println("active jobs: " + simulator.appliance().activeJobs().size());
        simulator.appliance().lifecycleInEffect().ifPresent(plan -> System.out.println("lifecycle: " + plan));
        simulator.appliance().workModelInEffect().ifPresent(model -> System.out.println("work model: "
                + describe(model.settings()) + "; arrivals: " + model.arrivals()));
        // last, so that a reader waiting for it has the whole banner
        System.out.println("BlackPearl simulator ready on " + simulator.endpoint());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        stopped.await();
    }

    static Ds3Simulator fromArgs(String[] args) {
        Ds3Simulator.Builder builder = Ds3Simulator.builder().port(8080);
        SeedPlan plan = SeedPlan.jobs(100);
        Duration minAge = Duration.ofMinutes(1);
        Duration maxAge = Duration.ofDays(3);
        List<FaultSpec> faults = new ArrayList<>();
        Long faultSeed = null;
        Path accessLog = null;
        Path tlsKeyStore = null;
        String tlsPassword = "changeit";
        String accessKey = null;
        String secretKey = null;
        Duration completeAfter = null;
        Double cancelRate = null;
        Duration newJobEvery = null;
        long seed = 42;
        double timeScale = 1;
        WorkSettings work = WorkSettings.DEFAULTS;
        boolean workModel = false;
        Double load = null;
        Double deadlineShare = null;
        Set<String> deadlineTypes = null;
        List<String> arrivalPriorities = null;
        Path workload = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new HelpRequested();
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> builder.port(intValue(option, value));
                case "--bind" -> builder.bindAddress(address(value));
                case "--jobs" -> plan.count(intValue(option, value));
                case "--min-age" -> minAge = duration(option, value);
                case "--max-age" -> maxAge = duration(option, value);
                case "--priorities" -> {
                    plan.priorities(list(value));
                    arrivalPriorities = List.of(list(value));
                }
                case "--request-types" -> plan.requestTypes(list(value));
                case "--buckets" -> plan.buckets(list(value));
                case "--users" -> plan.users(list(value));
                case "--objects-per-job" -> plan.objectsPerJob(intValue(option, value));
                case "--seed" -> seed = longValue(option, value);
                case "--complete-after" -> completeAfter = duration(option, value);
                case "--cancel-rate" -> cancelRate = rate(option, value);
                case "--new-job-every" -> newJobEvery = duration(option, value);
                case "--access-key" -> accessKey = value;
                case "--secret-key" -> secretKey = value;
                case "--fault" -> faults.add(FaultSpec.parse(value));
                case "--access-log" -> accessLog = Path.of(value);
                case "--tls-key-store" -> tlsKeyStore = Path.of(value);
                case "--tls-key-store-password" -> tlsPassword = value;
                case "--fault-seed" -> faultSeed = (long) intValue(option, value);
                case "--time-scale" -> timeScale = positive(option, value);
                case "--drives" -> {
                    work = settings(option, value, work, w -> w.withDrives(intValue(option, value)));
                    workModel = true;
                }
                case "--drive-rate" -> {
                    work = settings(option, value, work, w -> w.withDriveRate(bytes(option, value, true)));
                    workModel = true;
                }
                case "--chunk-size" -> {
                    work = settings(option, value, work, w -> w.withChunkSize(bytes(option, value, false)));
                    workModel = true;
                }
                case "--cache-size" -> {
                    work = settings(option, value, work, w -> w.withCacheSize(bytes(option, value, false)));
                    workModel = true;
                }
                case "--load" -> {
                    load = positive(option, value);
                    workModel = true;
                }
                case "--deadline-share" -> deadlineShare = rate(option, value);
                case "--deadline-types" -> deadlineTypes = requestTypes(option, value);
                case "--workload" -> {
                    workload = Path.of(value);
                    workModel = true;
                }
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
        }
        plan.ages(minAge, maxAge).seed(seed);
        if (completeAfter == null && (cancelRate != null || newJobEvery != null)) {
            throw new IllegalArgumentException("--cancel-rate and --new-job-every need --complete-after");
        }
        if (completeAfter != null && completeAfter.isZero()) {
            throw new IllegalArgumentException("Option --complete-after needs a positive duration, was '0'");
        }
        if (newJobEvery != null && newJobEvery.isZero()) {
            throw new IllegalArgumentException("Option --new-job-every needs a positive duration, was '0'");
        }
        if (workModel && completeAfter != null) {
            throw new IllegalArgumentException("--complete-after (jobs end at random) and the work model (--load, --workload, "
                    + "--drives, --drive-rate, --chunk-size, --cache-size) exclude each other");
        }
        if (load != null && workload != null) {
            throw new IllegalArgumentException("--load and --workload exclude each other: new jobs come from one or the other");
        }
        if ((deadlineShare != null || deadlineTypes != null) && load == null) {
            throw new IllegalArgumentException("--deadline-share and --deadline-types need --load");
        }
        if ((accessKey == null) != (secretKey == null)) {
            throw new IllegalArgumentException("--access-key and --secret-key go together");
        }
        if (accessKey != null) {
            builder.credentials(accessKey, secretKey);
        }
        if (tlsKeyStore != null) {
            builder.tls(serverTls(tlsKeyStore, tlsPassword));
        }
        builder.timeScale(timeScale);
        plan.clock(builder.applianceClock());
        List<Workload.Entry> replayed = workload == null ? null : Workload.read(workload);
        Ds3Simulator simulator = builder.build().seed(plan);
        if (faultSeed != null) {
            simulator.appliance().faults().seed(faultSeed);
        }
        faults.forEach(fault -> fault.addTo(simulator.appliance().faults()));
        if (accessLog != null) {
            simulator.appliance().onRequest(new AccessLog(accessLog));
        }
        if (workModel) {
            long start = builder.applianceClock().millis();
            Arrivals arrivals = Arrivals.NONE;
            if (load != null) {
                arrivals = new LoadArrivals(work, load, deadlineShare == null ? 0.3 : deadlineShare,
                        deadlineTypes == null ? Set.of("PUT", "GET", "VERIFY") : deadlineTypes, arrivalPriorities,
                        simulator.appliance().allJobs().size() + 1, seed, start, Long.MAX_VALUE);
            } else if (replayed != null) {
                arrivals = Workload.replay(replayed, start, seed);
            }
            simulator.appliance().workModel(new WorkModel(work, arrivals, start));
        }
        if (completeAfter != null) {
            simulator.appliance().lifecycle(new JobLifecycle(completeAfter, cancelRate == null ? 0.1 : cancelRate, newJobEvery, seed));
        }
        return simulator;
    }

    private static int workloadFromCompleted(String[] args) {
        if (args.length != 2) {
            System.err.println("Usage: java -jar blackpearl-simulator-cli.jar workload-from-completed FILE");
            return 2;
        }
        Path file = Path.of(args[1]);
        try (InputStream in = Files.newInputStream(file)) {
            Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            Workload.write(CompletedJobsToWorkload.convert(in, file.toString()), out);
            out.flush();
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    static String describe(WorkSettings w) {
        return String.format(Locale.ROOT, "%d drives at %d MB/s, chunks of %.0f GB, cache %.0f GB (%d chunks, %d kept for URGENT)",
                w.drives(), w.driveRate() / 1_000_000, w.chunkSize() / 1e9, w.cacheSize() / 1e9, w.cacheChunks(), w.urgentOnlyChunks());
    }

    private static WorkSettings settings(String option, String value, WorkSettings current,
                                         UnaryOperator<WorkSettings> change) {
        try {
            return change.apply(current);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Option ")) {
                throw e;
            }
            throw new IllegalArgumentException("Option " + option + " '" + value + "': " + e.getMessage());
        }
    }

    private static final Pattern BYTES = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*(B|KB|MB|GB|TB)?", Pattern.CASE_INSENSITIVE);

    /** {@code 300MB}, {@code 64GB}, {@code 2TB} (decimal units), or bytes; a rate may end in {@code /s}. */
    static long bytes(String option, String value, boolean rate) {
        String text = value.trim();
        if (rate && text.toLowerCase(Locale.ROOT).endsWith("/s")) {
            text = text.substring(0, text.length() - 2);
        }
        Matcher m = BYTES.matcher(text);
        if (m.matches()) {
            String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
            double factor = switch (unit) {
                case "KB" -> 1e3;
                case "MB" -> 1e6;
                case "GB" -> 1e9;
                case "TB" -> 1e12;
                default -> 1;
            };
            long bytes = (long) (Double.parseDouble(m.group(1)) * factor);
            if (bytes > 0) {
                return bytes;
            }
        }
        throw new IllegalArgumentException("Option " + option + " needs " + (rate ? "a rate such as 300MB/s" : "a size such as 64GB")
                + ", was '" + value + "'");
    }

    private static Set<String> requestTypes(String option, String value) {
        Set<String> types = new LinkedHashSet<>();
        for (String type : list(value)) {
            String t = type.toUpperCase(Locale.ROOT);
            if (!Set.of("PUT", "GET", "VERIFY").contains(t)) {
                throw new IllegalArgumentException("Option " + option + " takes PUT, GET and VERIFY, was '" + value + "'");
            }
            types.add(t);
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException("Option " + option + " takes PUT, GET and VERIFY, was '" + value + "'");
        }
        return types;
    }

    private static double positive(String option, String value) {
        try {
            double x = Double.parseDouble(value);
            if (x > 0 && !Double.isInfinite(x)) {
                return x;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("Option " + option + " needs a positive number, was '" + value + "'");
    }

    private static SSLContext serverTls(Path keyStore, String password) {
        try {
            return SelfSignedCertificate.serverTls(keyStore, password);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("Option --tls-key-store: " + e.getMessage());
        }
    }

    private static int intValue(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option " + option + " needs a whole number, was '" + value + "'");
        }
    }

    private static long longValue(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option " + option + " needs a whole number, was '" + value + "'");
        }
    }

    private static double rate(String option, String value) {
        try {
            double rate = Double.parseDouble(value);
            if (rate >= 0 && rate <= 1) {
                return rate;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("Option " + option + " needs a number from 0 to 1, was '" + value + "'");
    }

    private static InetAddress address(String value) {
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Option --bind: unknown address '" + value + "'");
        }
    }

    private static String[] list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    static Duration duration(String option, String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Option " + option + " needs a duration such as 30m, 2h or 3d, was '" + value + "'");
        }
    }

    /** --help: print the usage and exit normally. */
    private static final class HelpRequested extends IllegalArgumentException {
        HelpRequested() {
            super("help");
        }
    }
}
