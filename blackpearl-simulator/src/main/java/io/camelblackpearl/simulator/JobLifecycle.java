package io.camelblackpearl.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.UUID;

/**
 * Makes the simulated appliance live: every active job ends on its own some time after the simulator
 * first holds it (completed, or canceled at {@code cancelRate}), and new jobs arrive at a steady pace. How
 * long a job stays is drawn from an exponential distribution of mean {@code completeAfter}, as in a queue
 * served at random: a few end within seconds, most within a few means.
 * Draws come from one seeded {@link Random}, so the same seed and clock give the same history.
 * <p>
 * Nothing runs in the background: the appliance catches up on what was due whenever it is asked anything
 * ({@link #due}), dating each ending and arrival at the instant it was due, so the answers are the same
 * whether it was asked every second or once an hour.
 */
public final class JobLifecycle {

    private final Duration completeAfter;
    private final double cancelRate;
    private final Duration newJobEvery;
    private final Random random;
    private final PriorityQueue<Ending> endings =
            new PriorityQueue<>(Comparator.comparing(Ending::due).thenComparing(Ending::jobId));
    private Instant nextArrival;
    private int arrivals;

    /** A job due to end at {@code due}, canceled rather than completed when {@code cancel}. */
    record Ending(Instant due, UUID jobId, boolean cancel) {
    }

    /**
     * @param completeAfter  how long a job stays active on average (exponentially distributed)
     * @param cancelRate     the share of jobs that are canceled instead of completed, 0 to 1
     * @param newJobEvery    how often a new job arrives; null for none
     * @param seed           the seed of every draw
     */
    public JobLifecycle(Duration completeAfter, double cancelRate, Duration newJobEvery, long seed) {
        this.completeAfter = Objects.requireNonNull(completeAfter, "completeAfter");
        if (completeAfter.isNegative() || completeAfter.isZero()) {
            throw new IllegalArgumentException("completeAfter must be positive, was " + completeAfter);
        }
        if (!(cancelRate >= 0 && cancelRate <= 1)) {
            throw new IllegalArgumentException("cancelRate must be between 0 and 1, was " + cancelRate);
        }
        if (newJobEvery != null && (newJobEvery.isNegative() || newJobEvery.isZero())) {
            throw new IllegalArgumentException("newJobEvery must be positive, was " + newJobEvery);
        }
        this.cancelRate = cancelRate;
        this.newJobEvery = newJobEvery;
        this.random = new Random(seed);
    }

    public Duration completeAfter() {
        return completeAfter;
    }

    public double cancelRate() {
        return cancelRate;
    }

    public Duration newJobEvery() {
        return newJobEvery;
    }

    /** Starts the clock of arrivals at {@code now}. */
    void start(Instant now) {
        nextArrival = newJobEvery == null ? null : now.plus(newJobEvery);
    }

    /** Draws when {@code job}, first held at {@code now}, ends and how. */
    void schedule(UUID job, Instant now) {
        long millis = (long) (completeAfter.toMillis() * -Math.log(1 - random.nextDouble()));
        endings.add(new Ending(now.plusMillis(Math.max(1, millis)), job, random.nextDouble() < cancelRate));
    }

    /** What happens next: a job arrives, or one ends. */
    record Step(SimulatedJob arrival, Ending ending) {
    }

    /** The earliest arrival or ending due at or before {@code now}, taken off the schedule; null when none is due. */
    Step next(Instant now) {
        Ending first = endings.peek();
        boolean endingDue = first != null && !first.due().isAfter(now);
        boolean arrivalDue = nextArrival != null && !nextArrival.isAfter(now);
        if (arrivalDue && (!endingDue || nextArrival.isBefore(first.due()))) {
            return new Step(arrive(), null);
        }
        return endingDue ? new Step(null, endings.poll()) : null;
    }

    private SimulatedJob arrive() {
        Instant at = nextArrival;
        nextArrival = nextArrival.plus(newJobEvery);
        arrivals++;
        String requestType = pick(List.of("PUT", "GET", "VERIFY"));
        SimulatedJob job = SimulatedJob.builder(SeedPlan.randomUuid(random))
                .name(String.format("%s-new-%05d", SeedPlan.namePrefix(requestType), arrivals))
                .requestType(requestType)
                .priority(pick(List.of("LOW", "NORMAL", "NORMAL", "HIGH")))
                .createdAt(at)
                .bucket(pick(List.of("archive-media", "archive-finance", "archive-science")))
                .user(pick(List.of("alice", "bob", "carol")))
                .originalSizeInBytes(1_000_000L + (long) (random.nextDouble() * 5_000_000_000L))
                .build();
        schedule(job.id(), at);
        return job;
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    @Override
    public String toString() {
        return "jobs end after ~" + completeAfter + " (" + Math.round(cancelRate * 100) + "% canceled)"
                + (newJobEvery == null ? "" : ", a new job every " + newJobEvery);
    }
}
