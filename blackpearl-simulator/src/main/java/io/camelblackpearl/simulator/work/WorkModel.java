package io.camelblackpearl.simulator.work;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How the simulated appliance does its work (docs/simulator.md, "The work model"). A discrete-event model on
 * the simulator's clock: jobs are cut into chunks; a chunk takes a place in the cache when it is allocated and
 * keeps it until a drive has moved it; drives move one chunk at a time at the drive rate.
 * <p>
 * Allocation and drives follow one order: priority, then oldest {@code created_at}, then job id. While the
 * appliance is throttled (more chunks waiting than free cache places) a job may hold no more chunks than its
 * priority's cap ({@link WorkSettings#chunkCap}), and a share of the cache is kept for URGENT jobs. Without
 * contention every job progresses. A chunk on a drive is never taken off it, so a raised job waits at most one
 * chunk per drive.
 * <p>
 * PUT: a chunk counts as cached when allocated (the client's data is in cache) and completed when a drive has
 * written it. GET and VERIFY: a chunk counts as cached and completed when a drive has read it (the client's
 * read of a restored chunk is not modelled). A job completes with its last chunk.
 * <p>
 * Nothing runs in the background: {@link #advanceTo} plays every event due by then, in time order. Not
 * thread-safe; the appliance calls it under its lock. {@link #copy()} gives an independent model at the same
 * point, with its arrivals, so that a planner with perfect knowledge can try futures.
 */
public final class WorkModel {

    /** Told about every change, in time order. */
    public interface Listener {
        void arrived(Job job);

        void progressed(Job job);

        void completed(Job job);
    }

    private static final Listener SILENT = new Listener() {
        @Override
        public void arrived(Job job) {
        }

        @Override
        public void progressed(Job job) {
        }

        @Override
        public void completed(Job job) {
        }
    };

    /** One job's work as the model tracks it. */
    public static final class Job {
        private final UUID id;
        private final String name;
        private final String requestType;
        private final long size;
        private final int chunks;
        private String priority;
        private int rank;
        private long createdAt;
        private long cached;
        private long completed;
        private int allocated;
        private int started;
        private int done;
        private long completedAt = -1;
        private boolean removed;
        private String bucket;
        private String user;

        Job(UUID id, String name, String requestType, long size, String priority, long createdAt, long completedBytes,
            long chunkSize) {
            this.id = id;
            this.name = name;
            this.requestType = requestType;
            this.size = size;
            this.chunks = (int) Math.max(1, (size + chunkSize - 1) / chunkSize);
            priority(priority);
            this.createdAt = createdAt;
            // A job held with progress already made (seeded, restarted): its whole chunks count as done.
            this.done = (int) Math.min(chunks - 1, Math.max(0, completedBytes) / chunkSize);
            this.allocated = done;
            this.started = done;
            this.completed = Math.min(size, done * chunkSize);
            this.cached = completed;
        }

        private Job(Job o) {
            id = o.id;
            name = o.name;
            requestType = o.requestType;
            size = o.size;
            chunks = o.chunks;
            priority = o.priority;
            rank = o.rank;
            createdAt = o.createdAt;
            cached = o.cached;
            completed = o.completed;
            allocated = o.allocated;
            started = o.started;
            done = o.done;
            completedAt = o.completedAt;
            removed = o.removed;
            bucket = o.bucket;
            user = o.user;
        }

        private void priority(String value) {
            this.priority = value;
            this.rank = rank(value);
        }

        public UUID id() { return id; }
        public String name() { return name; }
        public String requestType() { return requestType; }
        public long sizeInBytes() { return size; }
        public String priority() { return priority; }
        public long createdAt() { return createdAt; }
        public long cachedSizeInBytes() { return cached; }
        public long completedSizeInBytes() { return completed; }
        /** When it completed (epoch millis on the simulator's clock); -1 while active. */
        public long completedAt() { return completedAt; }
        public boolean active() { return completedAt < 0 && !removed; }
        /** The bucket and user an arrival named; null for a job the appliance added. */
        public String bucket() { return bucket; }
        public String user() { return user; }
        int held() { return allocated - done; }
        boolean urgent() { return rank >= URGENT_RANK; }
    }

    private static final int URGENT_RANK = 4;

    static int rank(String priority) {
        return switch (priority) {
            case "CRITICAL" -> 5;
            case "URGENT" -> 4;
            case "HIGH" -> 3;
            case "NORMAL" -> 2;
            case "LOW" -> 1;
            case "BACKGROUND" -> 0;
            default -> throw new IllegalArgumentException("unknown priority " + priority);
        };
    }

    /** The appliance's order: higher priority first, then oldest created_at, then job id. */
    private static final Comparator<Job> ORDER = Comparator.comparingInt((Job j) -> -j.rank)
            .thenComparingLong(j -> j.createdAt).thenComparing(j -> j.id);

    private final WorkSettings settings;
    private final Arrivals arrivals;
    private final Map<UUID, Job> jobs;
    private final List<Job> active;
    private boolean unordered;
    private final Job[] driveJob;
    private final long[] driveBytes;
    private final long[] driveEnd;
    private long now;
    private Listener listener = SILENT;

    public WorkModel(WorkSettings settings, Arrivals arrivals, long startMillis) {
        this.settings = settings;
        this.arrivals = arrivals;
        this.jobs = new HashMap<>();
        this.active = new ArrayList<>();
        this.driveJob = new Job[settings.drives()];
        this.driveBytes = new long[settings.drives()];
        this.driveEnd = new long[settings.drives()];
        this.now = startMillis;
    }

    private WorkModel(WorkModel o) {
        this.settings = o.settings;
        this.arrivals = o.arrivals.copy();
        this.jobs = new HashMap<>(o.jobs.size() * 2);
        Map<Job, Job> copies = new IdentityHashMap<>();
        for (Job job : o.jobs.values()) {
            Job copy = new Job(job);
            copies.put(job, copy);
            jobs.put(copy.id, copy);
        }
        this.active = new ArrayList<>(o.active.size());
        for (Job job : o.active) {
            active.add(copies.get(job));
        }
        this.unordered = o.unordered;
        this.driveJob = new Job[o.driveJob.length];
        for (int d = 0; d < driveJob.length; d++) {
            driveJob[d] = o.driveJob[d] == null ? null : copies.get(o.driveJob[d]);
        }
        this.driveBytes = o.driveBytes.clone();
        this.driveEnd = o.driveEnd.clone();
        this.now = o.now;
    }

    /** An independent model at the same point (jobs, drives, arrivals); its listener is silent. */
    public WorkModel copy() {
        return new WorkModel(this);
    }

    public WorkModel listener(Listener value) {
        this.listener = value == null ? SILENT : value;
        return this;
    }

    public WorkSettings settings() {
        return settings;
    }

    public Arrivals arrivals() {
        return arrivals;
    }

    /** The model's clock: the time it has been advanced to. */
    public long now() {
        return now;
    }

    /** Starts tracking a job the appliance holds (seeded or put), with the progress it already has. */
    public Job add(UUID id, String name, String requestType, long size, String priority, long createdAt, long completedBytes) {
        Job job = new Job(id, name, requestType, size, priority, createdAt, completedBytes, settings.chunkSize());
        jobs.put(id, job);
        active.add(job);
        unordered = true;
        dispatch();
        return job;
    }

    public Job job(UUID id) {
        return jobs.get(id);
    }

    /** The active jobs, in the appliance's order of service. */
    public List<Job> activeJobs() {
        order();
        return Collections.unmodifiableList(active);
    }

    /** Every job the model has seen, active or completed. */
    public Collection<Job> allJobs() {
        return Collections.unmodifiableCollection(jobs.values());
    }

    /** Modify Active Job's priority; takes effect at once (free places and idle drives go by the new order). */
    public void priority(UUID id, String priority) {
        Job job = jobs.get(id);
        if (job != null && job.active() && !job.priority.equals(priority)) {
            job.priority(priority);
            unordered = true;
            dispatch();
        }
    }

    /** Modify Active Job's created_at: moves the job within its priority. */
    public void createdAt(UUID id, long createdAt) {
        Job job = jobs.get(id);
        if (job != null && job.active() && job.createdAt != createdAt) {
            job.createdAt = createdAt;
            unordered = true;
            dispatch();
        }
    }

    /** Stops working on a job (canceled or truncated): its cache places free at once, a chunk on a drive is dropped when done. */
    public void remove(UUID id) {
        Job job = jobs.get(id);
        if (job != null && job.active()) {
            job.removed = true;
            active.remove(job);
            dispatch();
        }
    }

    /** When the next event is due: a drive finishing a chunk or a job arriving; {@link Long#MAX_VALUE} when none. */
    public long nextEventAt() {
        long next = arrivals.nextAt();
        for (int d = 0; d < driveJob.length; d++) {
            if (driveJob[d] != null && driveEnd[d] < next) {
                next = driveEnd[d];
            }
        }
        return next;
    }

    /** Plays every event due by {@code millis}, in time order; the clock then reads {@code millis}. */
    public void advanceTo(long millis) {
        for (long t = nextEventAt(); t <= millis; t = nextEventAt()) {
            now = t;
            for (int d = 0; d < driveJob.length; d++) {
                if (driveJob[d] != null && driveEnd[d] == t) {
                    finishChunk(d);
                }
            }
            while (arrivals.nextAt() == t) {
                Arrival a = arrivals.take();
                Job job = new Job(a.id(), a.name(), a.requestType(), a.sizeInBytes(), a.priority(), a.atMillis(), 0,
                        settings.chunkSize());
                job.bucket = a.bucket();
                job.user = a.user();
                jobs.put(job.id, job);
                active.add(job);
                unordered = true;
                listener.arrived(job);
            }
            dispatch();
        }
        now = Math.max(now, millis);
    }

    /** Plays on until no job is active and none will arrive, or until {@code limitMillis}. */
    public void runUntilIdle(long limitMillis) {
        while (!(active.isEmpty() && arrivals.nextAt() == Long.MAX_VALUE)) {
            long next = nextEventAt();
            if (next > limitMillis) {
                break;
            }
            advanceTo(next);
        }
    }

    private void finishChunk(int d) {
        Job job = driveJob[d];
        long bytes = driveBytes[d];
        driveJob[d] = null;
        if (job.removed) {
            return;
        }
        job.done++;
        job.completed += bytes;
        if (!"PUT".equals(job.requestType)) {
            job.cached += bytes;
        }
        if (job.done == job.chunks) {
            job.completed = job.size;
            job.cached = job.size;
            job.completedAt = now;
            active.remove(job);
            listener.completed(job);
        } else {
            listener.progressed(job);
        }
    }

    private void order() {
        if (unordered) {
            active.sort(ORDER);
            unordered = false;
        }
    }

    /** Gives free cache places, then idle drives, to chunks in the appliance's order. */
    private void dispatch() {
        order();
        int places = settings.cacheChunks();
        int sharedPlaces = places - settings.urgentOnlyChunks();
        int held = 0;
        int heldShared = 0;
        long waiting = 0;
        for (Job job : active) {
            held += job.held();
            if (!job.urgent()) {
                heldShared += job.held();
            }
            waiting += job.chunks - job.allocated;
        }
        boolean throttled = waiting > places - held;
        for (Job job : active) {
            if (held >= places) {
                break;
            }
            boolean progressed = false;
            int cap = throttled ? settings.chunkCap(job.priority) : Integer.MAX_VALUE;
            while (job.allocated < job.chunks && held < places && job.held() < cap
                    && (job.urgent() || heldShared < sharedPlaces)) {
                if ("PUT".equals(job.requestType)) {
                    job.cached += chunkBytes(job, job.allocated);
                    progressed = true;
                }
                job.allocated++;
                held++;
                if (!job.urgent()) {
                    heldShared++;
                }
            }
            if (progressed) {
                listener.progressed(job);
            }
        }
        for (int d = 0; d < driveJob.length; d++) {
            if (driveJob[d] != null) {
                continue;
            }
            for (Job job : active) {
                if (job.allocated > job.started) {
                    long bytes = chunkBytes(job, job.started++);
                    driveJob[d] = job;
                    driveBytes[d] = bytes;
                    driveEnd[d] = now + Math.max(1, (bytes * 1000 + settings.driveRate() - 1) / settings.driveRate());
                    break;
                }
            }
        }
    }

    private long chunkBytes(Job job, int chunk) {
        return Math.min(settings.chunkSize(), job.size - (long) chunk * settings.chunkSize());
    }
}
