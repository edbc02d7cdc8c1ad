package io.camelblackpearl.escalation;

import io.camelblackpearl.ds3.model.ActiveJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * What the escalation has seen of the appliance's progress: each active job's {@code CompletedSizeInBytes} at
 * the last run, and the bytes the appliance moved between runs over a recent window. From it comes the
 * appliance's rate that deadline projections use. It is kept between runs, and across restarts and cluster
 * failover through {@link #encode()} and {@link #decode} (docs/escalation.md, "Deadlines").
 * <p>
 * Between two runs the appliance moved: the growth of every job's completed bytes, the completed bytes of jobs
 * that arrived meanwhile, and what was left of jobs that left the active list (taken as completed; a cancel is
 * counted as work done, which overstates the rate a little). An interval counts towards the rate only when the
 * appliance had work waiting all along (more left at its start than the rate known so far moves in it), so that
 * quiet hours do not make the appliance look slow.
 */
public final class ProgressHistory {

    /** The rate covers the intervals that ended within this window; default one hour of the appliance's time. */
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

    private record Interval(long endMillis, long millis, long bytes) {
    }

    private final Duration window;
    private Instant lastSeen;
    /** id → {completed bytes, original size} at the last run. */
    private Map<UUID, long[]> jobs = new HashMap<>();
    private final Deque<Interval> intervals = new ArrayDeque<>();

    public ProgressHistory() {
        this(DEFAULT_WINDOW);
    }

    public ProgressHistory(Duration window) {
        this.window = window;
    }

    /** Takes in one run's listing, made at {@code now} on the appliance's clock. */
    public synchronized void observe(Instant now, List<ActiveJob> active) {
        Map<UUID, long[]> current = new HashMap<>(active.size() * 2);
        for (ActiveJob job : active) {
            if (job.id() != null) {
                current.put(job.id(), new long[] {job.completedSizeInBytes(), job.originalSizeInBytes()});
            }
        }
        if (lastSeen != null && now.isAfter(lastSeen)) {
            long millis = Duration.between(lastSeen, now).toMillis();
            long moved = 0;
            long leftAtStart = 0;
            for (Map.Entry<UUID, long[]> seen : jobs.entrySet()) {
                long[] before = seen.getValue();
                leftAtStart += Math.max(0, before[1] - before[0]);
                long[] after = current.get(seen.getKey());
                moved += after == null ? Math.max(0, before[1] - before[0]) : Math.max(0, after[0] - before[0]);
            }
            for (Map.Entry<UUID, long[]> now2 : current.entrySet()) {
                if (!jobs.containsKey(now2.getKey())) {
                    moved += Math.max(0, now2.getValue()[0]);
                }
            }
            OptionalDouble known = rate();
            boolean busy = leftAtStart > 0 && (known.isEmpty() || leftAtStart >= known.getAsDouble() * millis / 1000.0);
            if (busy && moved > 0) {
                intervals.addLast(new Interval(now.toEpochMilli(), millis, moved));
            }
            while (intervals.size() > 1 && intervals.peekFirst().endMillis() < now.toEpochMilli() - window.toMillis()) {
                intervals.removeFirst();
            }
        }
        if (lastSeen == null || !now.isBefore(lastSeen)) {
            jobs = current;
            lastSeen = now;
        }
    }

    /** Bytes a second the appliance moved while busy, over the window; empty before two runs have been seen. */
    public synchronized OptionalDouble rate() {
        long millis = 0;
        long bytes = 0;
        for (Interval interval : intervals) {
            millis += interval.millis();
            bytes += interval.bytes();
        }
        return millis == 0 || bytes == 0 ? OptionalDouble.empty() : OptionalDouble.of(bytes * 1000.0 / millis);
    }

    /** The completed bytes of a job at the last run; -1 when it was not active then. */
    public synchronized long lastCompleted(UUID job) {
        long[] seen = jobs.get(job);
        return seen == null ? -1 : seen[0];
    }

    public synchronized Instant lastSeen() {
        return lastSeen;
    }

    /** One line of text that {@link #decode} reads back. */
    public synchronized String encode() {
        StringBuilder s = new StringBuilder(64 + jobs.size() * 64).append("v1;");
        s.append(lastSeen == null ? "" : Long.toString(lastSeen.toEpochMilli())).append(';');
        for (Interval i : intervals) {
            s.append(i.endMillis()).append(',').append(i.millis()).append(',').append(i.bytes()).append(' ');
        }
        s.append(';');
        for (Map.Entry<UUID, long[]> job : jobs.entrySet()) {
            s.append(job.getKey()).append(',').append(job.getValue()[0]).append(',').append(job.getValue()[1]).append(' ');
        }
        return s.toString();
    }

    /** A history from {@link #encode()}'s text; an empty history when the text is null, blank or not readable. */
    public static ProgressHistory decode(String text, Duration window) {
        ProgressHistory history = new ProgressHistory(window);
        if (text == null || !text.startsWith("v1;")) {
            return history;
        }
        try {
            String[] parts = text.split(";", -1);
            history.lastSeen = parts[1].isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(parts[1]));
            for (String i : parts[2].trim().split(" ")) {
                if (!i.isEmpty()) {
                    String[] f = i.split(",");
                    history.intervals.addLast(new Interval(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2])));
                }
            }
            for (String j : parts[3].trim().split(" ")) {
                if (!j.isEmpty()) {
                    String[] f = j.split(",");
                    history.jobs.put(UUID.fromString(f[0]), new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
                }
            }
            return history;
        } catch (RuntimeException unreadable) {
            return new ProgressHistory(window);
        }
    }

    /** An independent copy (the benchmark's oracle plays futures on copies). */
    public synchronized ProgressHistory copy() {
        return decode(encode(), window);
    }
}
