package io.camelblackpearl.simulator.work;

import io.camelblackpearl.simulator.SeedPlan;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Jobs arriving at random for an offered load: Poisson arrivals whose bytes, on average, ask {@code load} times
 * what the appliance moves with every drive busy. Sizes are lognormal by request type, restores smaller than
 * archives; a share of the jobs carry a deadline in their name ({@code due=<instant>}), k times the time the
 * job would take alone, k between 3 and 12, at least an hour. The numbers are in docs/simulator.md.
 */
public final class LoadArrivals implements Arrivals {

    /** One request type's part of the mix. */
    public record Kind(String requestType, String namePrefix, double share, double medianBytes, double sigma, String priority) {
        double meanBytes() {
            return medianBytes * Math.exp(sigma * sigma / 2);
        }
    }

    /** Archives (PUT) big, restores (GET) small, verifies between; each at the appliance's default priority for it. */
    public static final Kind[] MIX = {
            new Kind("PUT", "archive", 0.45, 200 * WorkSettings.GB, 1.0, "NORMAL"),
            new Kind("GET", "restore", 0.40, 30 * WorkSettings.GB, 1.2, "HIGH"),
            new Kind("VERIFY", "verify", 0.15, 100 * WorkSettings.GB, 0.8, "LOW"),
    };
    private static final long MAX_BYTES = 20 * WorkSettings.TB;
    private static final String[] BUCKETS = {"archive-media", "archive-finance", "archive-science"};
    private static final String[] USERS = {"alice", "bob", "carol"};

    private final WorkSettings settings;
    private final double load;
    private final double meanGapMillis;
    private final double deadlineShare;
    private final Set<String> deadlineTypes;
    private final List<String> priorities;
    private final long untilMillis;
    /** JDK's Xoroshiro128++: seeded, and copyable, so that a copy continues exactly where the original is. */
    private final RandomGenerator.JumpableGenerator random;
    private int count;
    private Arrival next;

    /**
     * @param load          offered load: arrival bytes a second ÷ the appliance's rate (e.g. 0.9)
     * @param deadlineShare the share of jobs with a deadline, 0 to 1
     * @param startMillis   arrivals start after this instant
     * @param untilMillis   and stop at this one ({@link Long#MAX_VALUE}: never)
     */
    public LoadArrivals(WorkSettings settings, double load, double deadlineShare, long seed, long startMillis, long untilMillis) {
        this(settings, load, deadlineShare, Set.of("PUT", "GET", "VERIFY"), null, 1, seed, startMillis, untilMillis);
    }

    /**
     * @param deadlineTypes the request types whose jobs may carry a deadline (the share is of those jobs)
     * @param priorities the priorities new jobs arrive at, drawn evenly (repeat one to weigh it); null for the
     *                   appliance's defaults by request type (GET HIGH, PUT NORMAL, VERIFY LOW)
     * @param firstNumber the number in the first arrival's name ({@code restore-00401}): past the seeded jobs'
     *                    numbers, so that every job's name is its own
     */
    public LoadArrivals(WorkSettings settings, double load, double deadlineShare, Set<String> deadlineTypes,
                        List<String> priorities, int firstNumber, long seed, long startMillis, long untilMillis) {
        if (!(load > 0 && load <= 10)) {
            throw new IllegalArgumentException("load must be above 0 and at most 10, was " + load);
        }
        if (!(deadlineShare >= 0 && deadlineShare <= 1)) {
            throw new IllegalArgumentException("deadlineShare must be from 0 to 1, was " + deadlineShare);
        }
        this.settings = settings;
        this.load = load;
        double meanBytes = 0;
        for (Kind kind : MIX) {
            meanBytes += kind.share * kind.meanBytes();
        }
        this.meanGapMillis = meanBytes / (load * settings.applianceRate()) * 1000;
        this.deadlineShare = deadlineShare;
        this.deadlineTypes = Set.copyOf(deadlineTypes);
        this.priorities = priorities == null ? null : List.copyOf(priorities);
        this.untilMillis = untilMillis;
        this.count = firstNumber - 1;
        this.random = (RandomGenerator.JumpableGenerator) RandomGeneratorFactory.of("Xoroshiro128PlusPlus").create(seed);
        this.next = draw(startMillis);
    }

    private LoadArrivals(LoadArrivals o) {
        this.settings = o.settings;
        this.load = o.load;
        this.meanGapMillis = o.meanGapMillis;
        this.deadlineShare = o.deadlineShare;
        this.deadlineTypes = o.deadlineTypes;
        this.priorities = o.priorities;
        this.untilMillis = o.untilMillis;
        this.random = o.random.copy();
        this.count = o.count;
        this.next = o.next;
    }

    private Arrival draw(long after) {
        long at = after + Math.max(1, Math.round(random.nextExponential() * meanGapMillis));
        if (at > untilMillis) {
            return null;
        }
        double pick = random.nextDouble();
        Kind kind = MIX[MIX.length - 1];
        for (Kind k : MIX) {
            if (pick < k.share) {
                kind = k;
                break;
            }
            pick -= k.share;
        }
        long size = (long) Math.min(MAX_BYTES, Math.max(WorkSettings.MB, kind.medianBytes * Math.exp(kind.sigma * random.nextGaussian())));
        boolean deadline = random.nextDouble() < deadlineShare && deadlineTypes.contains(kind.requestType);
        double k = 1.5 + 6.5 * random.nextDouble();
        String bucket = BUCKETS[(int) (random.nextDouble() * BUCKETS.length)];
        String user = USERS[(int) (random.nextDouble() * USERS.length)];
        double priorityDraw = random.nextDouble();
        String priority = priorities == null ? kind.priority : priorities.get((int) (priorityDraw * priorities.size()));
        count++;
        String name = String.format("%s-%05d", kind.namePrefix, count);
        if (deadline) {
            long allowed = Math.max(1_800_000L, Math.round(k * settings.secondsAlone(size) * 1000));
            name += " due=" + Instant.ofEpochMilli(at + allowed).truncatedTo(ChronoUnit.MINUTES);
        }
        return new Arrival(at, SeedPlan.randomUuid(random), name, kind.requestType, size, priority, bucket, user);
    }

    @Override
    public long nextAt() {
        return next == null ? Long.MAX_VALUE : next.atMillis();
    }

    @Override
    public Arrival take() {
        Arrival taken = next;
        if (taken == null) {
            throw new NoSuchElementException("no more arrivals");
        }
        next = draw(taken.atMillis());
        return taken;
    }

    @Override
    public Arrivals copy() {
        return new LoadArrivals(this);
    }

    @Override
    public String toString() {
        return String.format("offered load %.2f (a job every %.0f s on average), %.0f%% of %s jobs with deadlines",
                load, meanGapMillis / 1000, deadlineShare * 100, deadlineTypes.size() == 3 ? "all" : String.join("/", new TreeSet<>(deadlineTypes)));
    }
}
