package io.camelblackpearl.simulator;

import io.camelblackpearl.simulator.work.WorkModel;
import java.time.Clock;
import java.time.Instant;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
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
    private volatile Consumer<RecordedRequest> requestListener;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    private final Clock clock;
    private JobLifecycle lifecycle;
    private WorkModel work;

    public SimulatedAppliance() {
        this(100_000, Clock.systemUTC());
    }

    /**
     * @param requestLogCapacity how many of the latest requests to keep (counters count them all)
     * @param clock              dates jobs that complete or are canceled, and drives the {@link JobLifecycle}
     */
    public SimulatedAppliance(int requestLogCapacity, Clock clock) {
        this.requestLogCapacity = requestLogCapacity;
        this.clock = clock;
        for (Ds3Operation op : Ds3Operation.values()) {
            counters.put(op, new AtomicLong());
        }
    }

    // ---- jobs -------------------------------------------------------------------------------------

    public synchronized void put(SimulatedJob job) {
        advance();
        hold(job);
        activeNewestFirst = null;
    }

    public synchronized void putAll(Collection<SimulatedJob> newJobs) {
        advance();
        newJobs.forEach(this::hold);
        activeNewestFirst = null;
    }

    private void hold(SimulatedJob job) {
        boolean isNew = jobs.put(job.id(), job) == null;
        if (isNew && lifecycle != null && job.active()) {
            lifecycle.schedule(job.id(), clock.instant());
        }
        if (isNew && work != null && job.active()) {
            work.add(job.id(), job.name(), job.requestType(), job.originalSizeInBytes(), job.priority(),
                    job.createdAt().toEpochMilli(), job.completedSizeInBytes());
            // the model counts whole chunks only: show its view of the job's progress
            WorkModel.Job tracked = work.job(job.id());
            jobs.put(job.id(), withProgress(job, tracked));
        }
    }

    /**
     * From now on the appliance does its work as {@code model} says (docs/simulator.md, "The work model"):
     * jobs progress chunk by chunk, complete when done, and arrive as the model's arrivals say. The jobs held
     * now are handed to the model with their progress. Replaces a {@link JobLifecycle}.
     */
    public synchronized void workModel(WorkModel model) {
        advance();
        lifecycle = null;
        model.listener(new WorkModel.Listener() {
            @Override
            public void arrived(WorkModel.Job job) {
                SimulatedJob.Builder built = SimulatedJob.builder(job.id()).name(job.name()).requestType(job.requestType())
                        .priority(job.priority()).createdAt(Instant.ofEpochMilli(job.createdAt()))
                        .originalSizeInBytes(job.sizeInBytes());
                if (job.bucket() != null) {
                    built.bucket(job.bucket());
                }
                if (job.user() != null) {
                    built.user(job.user());
                }
                jobs.put(job.id(), withProgress(built.build(), job));
                activeNewestFirst = null;
            }

            @Override
            public void progressed(WorkModel.Job job) {
                SimulatedJob held = jobs.get(job.id());
                if (held != null && held.active()) {
                    jobs.put(job.id(), withProgress(held, job));
                    activeNewestFirst = null;
                }
            }

            @Override
            public void completed(WorkModel.Job job) {
                SimulatedJob held = jobs.get(job.id());
                if (held != null && held.active()) {
                    jobs.put(job.id(), held.completedAt(Instant.ofEpochMilli(job.completedAt())));
                    activeNewestFirst = null;
                }
            }
        });
        work = model;
        for (SimulatedJob job : activeNewestFirst()) {
            if (model.job(job.id()) == null) {
                hold(jobs.remove(job.id()));
            }
        }
        activeNewestFirst = null;
        model.advanceTo(clock.millis());
    }

    /** The work model in effect, if any. */
    public synchronized Optional<WorkModel> workModelInEffect() {
        return Optional.ofNullable(work);
    }

    private static SimulatedJob withProgress(SimulatedJob job, WorkModel.Job tracked) {
        return job.toBuilder().cachedSizeInBytes(tracked.cachedSizeInBytes())
                .completedSizeInBytes(tracked.completedSizeInBytes()).build();
    }

    public synchronized Optional<SimulatedJob> job(UUID id) {
        advance();
        return Optional.ofNullable(jobs.get(id));
    }

    /**
     * From now on, active jobs end on their own and new ones arrive as {@code plan} says; the jobs held now
     * are scheduled from now. Replaces an earlier plan.
     */
    public synchronized void lifecycle(JobLifecycle plan) {
        advance();
        work = null;
        lifecycle = plan;
        plan.start(clock.instant());
        for (SimulatedJob job : activeNewestFirst()) {
            plan.schedule(job.id(), clock.instant());
        }
    }

    /** The lifecycle plan in effect, if any. */
    public synchronized Optional<JobLifecycle> lifecycleInEffect() {
        return Optional.ofNullable(lifecycle);
    }

    /** Applies what the lifecycle had due by now, in time order, each dated when it was due. */
    private void advance() {
        if (work != null) {
            work.advanceTo(clock.millis());
            return;
        }
        if (lifecycle == null) {
            return;
        }
        Instant now = clock.instant();
        for (JobLifecycle.Step step = lifecycle.next(now); step != null; step = lifecycle.next(now)) {
            if (step.arrival() != null) {
                jobs.put(step.arrival().id(), step.arrival());
            } else {
                SimulatedJob job = jobs.get(step.ending().jobId());
                if (job != null && job.active()) {
                    jobs.put(job.id(), step.ending().cancel() ? job.canceledAt(step.ending().due()) : job.completedAt(step.ending().due()));
                }
            }
            activeNewestFirst = null;
        }
    }

    /** Completes an active job now (all its data moved); empty when there is no such active job. */
    public synchronized Optional<SimulatedJob> complete(UUID id) {
        return end(id, job -> job.completedAt(clock.instant()));
    }

    /** Cancels an active job now, as Cancel Active Job does; empty when there is no such active job. */
    public synchronized Optional<SimulatedJob> cancel(UUID id) {
        return end(id, job -> job.canceledAt(clock.instant()));
    }

    /** Truncates an active job now, as Truncate Active Job does; empty when there is no such active job. */
    public synchronized Optional<SimulatedJob> truncate(UUID id) {
        return end(id, job -> job.truncatedAt(clock.instant()));
    }

    private Optional<SimulatedJob> end(UUID id, UnaryOperator<SimulatedJob> ending) {
        advance();
        SimulatedJob job = jobs.get(id);
        if (job == null || !job.active()) {
            return Optional.empty();
        }
        SimulatedJob ended = ending.apply(job);
        jobs.put(id, ended);
        if (work != null) {
            work.remove(id);
        }
        activeNewestFirst = null;
        return Optional.of(ended);
    }

    /** Completed jobs matching {@code filter}, most recently completed first. */
    public synchronized List<SimulatedJob> completedJobs(Predicate<SimulatedJob> filter) {
        return finished("COMPLETED", filter);
    }

    /** Canceled jobs matching {@code filter}, most recently canceled first. */
    public synchronized List<SimulatedJob> canceledJobs(Predicate<SimulatedJob> filter) {
        return finished("CANCELED", filter);
    }

    private List<SimulatedJob> finished(String status, Predicate<SimulatedJob> filter) {
        advance();
        List<SimulatedJob> out = new ArrayList<>();
        for (SimulatedJob job : jobs.values()) {
            if (job.status().equals(status) && filter.test(job)) {
                out.add(job);
            }
        }
        out.sort(Comparator.comparing(SimulatedJob::finishedAt).reversed().thenComparing(SimulatedJob::id));
        return out;
    }

    /** Resolves a path's job reference: a UUID, or else the name of an active job (as the DS3 CLI allows). */
    public synchronized Optional<SimulatedJob> resolve(String idOrName) {
        advance();
        try {
            return Optional.ofNullable(jobs.get(UUID.fromString(idOrName)));
        } catch (IllegalArgumentException notAUuid) {
            return activeNewestFirst().stream().filter(j -> j.name().equals(idOrName)).findFirst();
        }
    }

    /** Replaces a job with {@code change} applied to it; empty when there is no such job. */
    public synchronized Optional<SimulatedJob> update(UUID id, UnaryOperator<SimulatedJob> change) {
        advance();
        SimulatedJob current = jobs.get(id);
        if (current == null) {
            return Optional.empty();
        }
        SimulatedJob changed = change.apply(current);
        jobs.put(id, changed);
        if (work != null && changed.active()) {
            work.priority(id, changed.priority());
            work.createdAt(id, changed.createdAt().toEpochMilli());
        }
        activeNewestFirst = null;
        return Optional.of(changed);
    }

    /** Removes a job altogether, as if it had never existed (tests use it for "vanished meanwhile"). */
    public synchronized boolean remove(UUID id) {
        activeNewestFirst = null;
        if (work != null) {
            work.remove(id);
        }
        return jobs.remove(id) != null;
    }

    public synchronized void clearJobs() {
        if (work != null) {
            jobs.keySet().forEach(work::remove);
        }
        jobs.clear();
        activeNewestFirst = null;
    }

    /** Active jobs matching {@code filter}, newest first. */
    public synchronized List<SimulatedJob> activeJobs(Predicate<SimulatedJob> filter) {
        advance();
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
        advance();
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
        Consumer<RecordedRequest> listener = requestListener;
        if (listener != null) {
            listener.accept(request);
        }
    }

    /** Called with every request as it is recorded (the CLI's access log); null for none. */
    public void onRequest(Consumer<RecordedRequest> listener) {
        this.requestListener = listener;
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
