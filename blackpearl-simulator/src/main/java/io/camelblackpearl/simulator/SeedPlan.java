package io.camelblackpearl.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * A reproducible mix of active jobs: how many, how old, at which priorities, of which request types, in
 * which buckets, for which users, with how many objects. The same plan and seed always yield the same
 * jobs, ids included.
 */
public final class SeedPlan {

    private int count = 100;
    private long seed = 42L;
    private Duration minAge = Duration.ofMinutes(1);
    private Duration maxAge = Duration.ofDays(3);
    private List<String> priorities = List.of("LOW", "NORMAL", "NORMAL", "HIGH");
    private List<String> requestTypes = List.of("PUT", "GET", "VERIFY");
    private List<String> buckets = List.of("archive-media", "archive-finance", "archive-science");
    private List<String> users = List.of("alice", "bob", "carol");
    private int objectsPerJob = 0;
    private Clock clock = Clock.systemUTC();

    public static SeedPlan jobs(int count) {
        return new SeedPlan().count(count);
    }

    public SeedPlan count(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + value);
        }
        this.count = value;
        return this;
    }

    public SeedPlan seed(long value) { this.seed = value; return this; }

    /** Ages are spread uniformly between {@code min} and {@code max}. */
    public SeedPlan ages(Duration min, Duration max) {
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("ages need 0 <= min <= max, were " + min + " and " + max);
        }
        this.minAge = min;
        this.maxAge = max;
        return this;
    }

    /** Priorities drawn from, with repetition as weight. */
    public SeedPlan priorities(String... values) { this.priorities = nonEmpty("priorities", values); return this; }
    public SeedPlan requestTypes(String... values) { this.requestTypes = nonEmpty("requestTypes", values); return this; }
    public SeedPlan buckets(String... values) { this.buckets = nonEmpty("buckets", values); return this; }
    public SeedPlan users(String... values) { this.users = nonEmpty("users", values); return this; }

    public SeedPlan objectsPerJob(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("objectsPerJob must be >= 0, was " + value);
        }
        this.objectsPerJob = value;
        return this;
    }

    /** The clock that ages are measured back from. */
    public SeedPlan clock(Clock value) { this.clock = Objects.requireNonNull(value, "clock"); return this; }

    /**
     * The jobs. Names follow the request type ({@code archive-00001} for PUT, {@code restore-00002} for
     * GET, {@code verify-00003} for VERIFY), so rules that match on names have something to match.
     */
    public List<SimulatedJob> jobs() {
        Random random = new Random(seed);
        Instant now = clock.instant();
        long spanMillis = maxAge.toMillis() - minAge.toMillis();
        List<SimulatedJob> jobs = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String requestType = pick(random, requestTypes);
            String prefix = namePrefix(requestType);
            long ageMillis = minAge.toMillis() + (spanMillis == 0 ? 0 : (long) (random.nextDouble() * spanMillis));
            long size = 1_000_000L + (long) (random.nextDouble() * 50_000_000_000L);
            long completed = (long) (size * random.nextDouble() * 0.5);
            jobs.add(SimulatedJob.builder(randomUuid(random))
                    .name(String.format("%s-%05d", prefix, i))
                    .requestType(requestType)
                    .priority(pick(random, priorities))
                    .createdAt(now.minusMillis(ageMillis))
                    .bucket(pick(random, buckets))
                    .user(pick(random, users))
                    .originalSizeInBytes(size)
                    .completedSizeInBytes(completed)
                    .cachedSizeInBytes(completed)
                    .objectCount(objectsPerJob)
                    .build());
        }
        return jobs;
    }

    /** How job names start by request type: {@code archive} (PUT), {@code restore} (GET), {@code verify} (VERIFY). */
    static String namePrefix(String requestType) {
        return switch (requestType) {
            case "GET" -> "restore";
            case "VERIFY" -> "verify";
            default -> "archive";
        };
    }

    /** A version-4 UUID drawn from {@code random}, so ids are reproducible yet well-formed. */
    public static UUID randomUuid(RandomGenerator random) {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<String> nonEmpty(String what, String... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return List.of(values);
    }
}
