package io.camelblackpearl.benchmarks.outcome;

import io.camelblackpearl.ds3.model.Priority;
import io.camelblackpearl.escalation.DeadlineMargin;
import io.camelblackpearl.escalation.EscalationPolicy;
import io.camelblackpearl.escalation.EscalationRule;
import io.camelblackpearl.escalation.PolicyFile;
import io.camelblackpearl.escalation.route.SimpleConditions;
import io.camelblackpearl.simulator.work.Arrivals;
import io.camelblackpearl.simulator.work.LoadArrivals;
import io.camelblackpearl.simulator.work.WorkModel;
import io.camelblackpearl.simulator.work.WorkSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * How well escalation does its job (docs/benchmarks.md, "Outcomes"): the same workloads, one simulated day of
 * arrivals each, played on the simulator's work model under four policies side by side: no escalation, the
 * bundled age ladder, the deadline policy, and the oracle; plus the EDF relaxation as the limit. Every figure is
 * a mean over the seeds with its 95% confidence interval.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.camelblackpearl.benchmarks.outcome.OutcomeBenchmark
 *      [seeds=20] [loads=0.7,0.9,1.0,1.1] [plots=docs/images] [oracle=true] [threads=2]</pre>
 */
public final class OutcomeBenchmark {

    static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    static final long PERIOD_MILLIS = 5 * 60_000L;
    static final long DAY_MILLIS = 86_400_000L;
    static final double DEADLINE_SHARE = 0.3;
    /** New jobs' priorities as the simulator seeds them, whatever their type: the world the bundled ladder is written for. */
    static final List<String> MIXED = List.of("LOW", "NORMAL", "NORMAL", "HIGH");
    static final String DEADLINE = "deadline policy";
    static final String DEADLINE_URGENT = "deadline policy, URGENT allowed";
    static final String ORACLE = "oracle";
    static final String[] POLICIES = {"no escalation", "age ladder", DEADLINE, DEADLINE_URGENT, ORACLE};

    private OutcomeBenchmark() {
    }

    /** One workload's results: each policy's outcome and the relaxation's. */
    record Point(double load, long seed, Map<String, Outcome> outcomes, EdfRelaxation.Result edf) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("arguments are key=value, was '" + arg + "'");
            }
            flags.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        int seeds = Integer.parseInt(flags.getOrDefault("seeds", "20"));
        List<Double> loads = new ArrayList<>();
        for (String l : flags.getOrDefault("loads", "0.7,0.9,1.0,1.1").split(",")) {
            loads.add(Double.parseDouble(l));
        }
        boolean oracle = Boolean.parseBoolean(flags.getOrDefault("oracle", "true"));
        int threads = Integer.parseInt(flags.getOrDefault("threads", Integer.toString(Runtime.getRuntime().availableProcessors())));
        String plots = flags.get("plots");
        Path ladderFile = Path.of(flags.getOrDefault("ladder", "sample-routes/src/main/resources/escalation-policy.yaml"));
        String mix = flags.getOrDefault("priorities", "mixed");
        List<String> arrivalPriorities = switch (mix) {
            case "mixed" -> MIXED;
            case "defaults" -> null;
            default -> throw new IllegalArgumentException("priorities=mixed or priorities=defaults, was '" + mix + "'");
        };
        Path deadlineFile = Path.of(flags.getOrDefault("deadline", "sample-routes/src/main/resources/deadline-policy.yaml"));

        EscalationPolicy ladder;
        EscalationPolicy deadline;
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.start();
            ladder = PolicyFile.load(ladderFile, SimpleConditions.compiler(camel));
            deadline = PolicyFile.load(deadlineFile, SimpleConditions.compiler(camel));
            WorkSettings settings = WorkSettings.DEFAULTS;
            EscalationPolicy urgentAllowed = withDeadlineCeiling(deadline, Priority.URGENT, deadline.deadlineMargin());
            EscalationPolicy clairvoyant = withDeadlineCeiling(deadline, Priority.URGENT, new DeadlineMargin(0, null));
            System.out.printf(Locale.ROOT, "Outcome benchmark: %s; one day of arrivals, %d%% with deadlines; escalation every %d min; "
                            + "%d seeds a load; arrival priorities %s; ladder %s, deadline policy %s (margin %s), maxUrgentJobs %d%n",
                    describe(settings), Math.round(DEADLINE_SHARE * 100), PERIOD_MILLIS / 60_000, seeds,
                    arrivalPriorities == null ? "by request type (GET HIGH, PUT NORMAL, VERIFY LOW)" : "drawn from " + arrivalPriorities, ladderFile, deadlineFile,
                    deadline.deadlineMargin(), deadline.maxUrgentJobs());
            long started = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<Point>> futures = new ArrayList<>();
            for (double load : loads) {
                for (long seed = 1; seed <= seeds; seed++) {
                    double l = load;
                    long s = seed;
                    futures.add(pool.submit(() -> point(settings, l, s, arrivalPriorities, ladder, deadline, urgentAllowed, clairvoyant, oracle)));
                }
            }
            List<Point> points = new ArrayList<>();
            for (Future<Point> f : futures) {
                points.add(f.get());
            }
            pool.shutdown();
            Report report = new Report(points, loads, oracle, deadline.maxUrgentJobs());
            System.out.print(report.markdown());
            System.out.printf(Locale.ROOT, "(%d workloads in %.0f s)%n", points.size(), (System.nanoTime() - started) / 1e9);
            if (plots != null) {
                Plots.write(report, Path.of(plots));
                System.out.println("plots written to " + plots);
            }
        }
    }

    static String describe(WorkSettings w) {
        return String.format(Locale.ROOT, "%d drives at %d MB/s, %d GB chunks, %.1f TB cache", w.drives(), w.driveRate() / 1_000_000,
                w.chunkSize() / 1_000_000_000, w.cacheSize() / 1e12);
    }

    static Point point(WorkSettings settings, double load, long seed, List<String> priorities, EscalationPolicy ladder,
                       EscalationPolicy deadline, EscalationPolicy urgentAllowed, EscalationPolicy clairvoyant, boolean withOracle) {
        long start = START.toEpochMilli();
        Arrivals arrivals = new LoadArrivals(settings, load, DEADLINE_SHARE, Set.of("PUT", "GET", "VERIFY"), priorities, 1,
                seed, start, start + DAY_MILLIS);
        long limit = start + 14 * DAY_MILLIS;
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        Lever ladderLever = new PlannerLever("age ladder", ladder, 0);
        Lever deadlineLever = new PlannerLever(DEADLINE, deadline, 0);
        Lever urgentLever = new PlannerLever(DEADLINE_URGENT, urgentAllowed, 0);
        for (Lever lever : List.of(Lever.NONE, ladderLever, deadlineLever, urgentLever)) {
            Simulation sim = new Simulation(new WorkModel(settings, arrivals.copy(), start), lever.copy(), PERIOD_MILLIS);
            while (!sim.done() && sim.model.now() < limit) {
                sim.step();
            }
            outcomes.put(lever == Lever.NONE ? POLICIES[0] : lever.name(), Outcome.of(sim));
        }
        if (withOracle) {
            Lever exact = new PlannerLever("clairvoyant deadline", clairvoyant, settings.applianceRate());
            Oracle oracle = new Oracle(List.of(Lever.NONE, ladderLever, deadlineLever, urgentLever, exact), limit);
            Simulation sim = oracle.run(new Simulation(new WorkModel(settings, arrivals.copy(), start), Lever.NONE, PERIOD_MILLIS));
            outcomes.put(ORACLE, Outcome.of(sim));
        }
        return new Point(load, seed, outcomes, EdfRelaxation.run(arrivals, settings.applianceRate()));
    }

    /** The policy with every deadline rule's ceiling at {@code ceiling} and the given margin. */
    static EscalationPolicy withDeadlineCeiling(EscalationPolicy policy, Priority ceiling, DeadlineMargin margin) {
        List<EscalationRule> rules = new ArrayList<>();
        for (EscalationRule r : policy.rules()) {
            rules.add(r.hasDeadlines() ? new EscalationRule(r.id(), r.match(), r.ladder(), ceiling, r.deadline(), r.deadlineFromName()) : r);
        }
        return new EscalationPolicy(policy.enabled(), false, policy.maxEscalationsPerRun(), policy.maxUrgentJobs(), policy.parallelism(),
                rules, margin, policy.raiseUnreachable());
    }

    /** Mean and half-width of the 95% confidence interval (Student's t). */
    record Estimate(double mean, double halfWidth) {
        static Estimate of(List<Double> values) {
            int n = values.size();
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            if (n < 2) {
                return new Estimate(mean, Double.NaN);
            }
            double var = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (n - 1);
            return new Estimate(mean, t975(n - 1) * Math.sqrt(var / n));
        }

        String show(String format) {
            return String.format(Locale.ROOT, format, mean) + " ± " + String.format(Locale.ROOT, format, halfWidth);
        }
    }

    /** Student's t, 97.5th percentile. */
    static double t975(int df) {
        double[] table = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145,
                2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
        return df <= table.length ? table[df - 1] : 1.96;
    }

    static Estimate estimate(List<Point> points, String policy, ToDoubleFunction<Outcome> figure) {
        List<Double> values = new ArrayList<>();
        for (Point p : points) {
            Outcome o = p.outcomes().get(policy);
            if (o != null) {
                values.add(figure.applyAsDouble(o));
            }
        }
        return Estimate.of(values);
    }
}
