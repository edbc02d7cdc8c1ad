package io.camelblackpearl.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The appliance's state: its jobs, the requests it received and how many of each operation it served.
 * Thread-safe; every method is atomic with respect to the others.
 */
public final class SimulatedAppliance {

    /** Newest first by CreatedAt, then by id so the order is total and pages are stable. */
    static final Comparator<SimulatedJob> NEWEST_FIRST =
            Comparator.comparing(SimulatedJob::createdAt).reversed().thenComparing(SimulatedJob::id);

    private final Map<UUID, SimulatedJob> jobs = new HashMap<>();
    /** Active jobs newest first; rebuilt lazily after a change, so consecutive pages share one sort. */
    private List<SimulatedJob> activeNewestFirst;

    private final Map<Ds3Operation, AtomicLong> counters = new EnumMap<>(Ds3Operation.class);
    private final Deque<RecordedRequest> requestLog = new ArrayDeque<>();
    private final int requestLogCapacity;
    private final FaultPlan faults = new FaultPlan();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger maxInFlight = new java.util.concurrent.atomic.AtomicInteger();

    public SimulatedAppliance() {
        this(100_000);
    }

    /** @param requestLogCapacity how many of the latest requests to keep (counters count them all) */
    public SimulatedAppliance(int requestLogCapacity) {
        this.requestLogCapacity = requestLogCapacity;
        for (Ds3Operation op : Ds3Operation.values()) {
            counters.put(op, new AtomicLong());
        }
    }

    // ---- jobs -------------------------------------------------------------------------------------

    public synchronized void put(SimulatedJob job) {
        jobs.put(job.id(), job);
        activeNewestFirst = null;
    }

    public synchronized void putAll(Collection<SimulatedJob> newJobs) {
        newJobs.forEach(job -> jobs.put(job.id(), job));
        activeNewestFirst = null;
    }

    public synchronized Optional<SimulatedJob> job(UUID id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Resolves a path's job reference: a UUID, or else the name of an active job (as the DS3 CLI allows). */
    public synchronized Optional<SimulatedJob> resolve(String idOrName) {
        try {
            return Optional.ofNullable(jobs.get(UUID.fromString(idOrName)));
        } catch (IllegalArgumentException notAUuid) {
            return activeNewestFirst().stream().filter(j -> j.name().equals(idOrName)).findFirst();
        }
    }

    /** Replaces a job with {@code change} applied to it; empty when there is no such job. */
    public synchronized Optional<SimulatedJob> update(UUID id, UnaryOperator<SimulatedJob> change) {
        SimulatedJob current = jobs.get(id);
        if (current == null) {
            return Optional.empty();
        }
        SimulatedJob changed = change.apply(current);
        jobs.put(id, changed);
        activeNewestFirst = null;
        return Optional.of(changed);
    }

    /** Removes a job altogether, as if it had never existed (tests use it for "vanished meanwhile"). */
    public synchronized boolean remove(UUID id) {
        activeNewestFirst = null;
        return jobs.remove(id) != null;
    }

    public synchronized void clearJobs() {
        jobs.clear();
        activeNewestFirst = null;
    }

    /** Active jobs matching {@code filter}, newest first. */
    public synchronized List<SimulatedJob> activeJobs(Predicate<SimulatedJob> filter) {
        List<SimulatedJob> all = activeNewestFirst();
        List<SimulatedJob> out = new ArrayList<>(all.size());
        for (SimulatedJob job : all) {
            if (filter.test(job)) {
                out.add(job);
            }
        }
        return out;
    }

    public List<SimulatedJob> activeJobs() {
        return activeJobs(job -> true);
    }

    public synchronized List<SimulatedJob> allJobs() {
        return new ArrayList<>(jobs.values());
    }

    private List<SimulatedJob> activeNewestFirst() {
        if (activeNewestFirst == null) {
            List<SimulatedJob> active = new ArrayList<>(jobs.size());
            for (SimulatedJob job : jobs.values()) {
                if (job.active()) {
                    active.add(job);
                }
            }
            active.sort(NEWEST_FIRST);
            activeNewestFirst = List.copyOf(active);
        }
        return activeNewestFirst;
    }

    // ---- requests ---------------------------------------------------------------------------------

    /** The faults to inject into coming requests. */
    public FaultPlan faults() {
        return faults;
    }

    void record(RecordedRequest request) {
        counters.get(request.operation()).incrementAndGet();
        synchronized (requestLog) {
            if (requestLog.size() == requestLogCapacity) {
                requestLog.removeFirst();
            }
            requestLog.addLast(request);
        }
    }

    /** How many requests of {@code operation} arrived, whatever their outcome. */
    public long count(Ds3Operation operation) {
        return counters.get(operation).get();
    }

    /** How many requests arrived in all. */
    public long totalRequests() {
        return counters.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** The latest requests, oldest first. */
    public List<RecordedRequest> requests() {
        synchronized (requestLog) {
            return List.copyOf(requestLog);
        }
    }

    public List<RecordedRequest> requests(Ds3Operation operation) {
        return requests().stream().filter(r -> r.operation() == operation).toList();
    }

    /** Forgets the request log and zeroes the counters; jobs stay. */
    public void resetRequests() {
        synchronized (requestLog) {
            requestLog.clear();
        }
        counters.values().forEach(c -> c.set(0));
        maxInFlight.set(0);
    }

    /** The most requests that were being served at the same time since the last reset: shows a client's concurrency. */
    public int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    void requestStarted() {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    void requestEnded() {
        inFlight.decrementAndGet();
    }
}
