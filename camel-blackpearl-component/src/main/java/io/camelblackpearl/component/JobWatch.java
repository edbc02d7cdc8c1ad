package io.camelblackpearl.component;

import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.CanceledJob;
import io.camelblackpearl.ds3.model.CompletedJob;
import io.camelblackpearl.ds3.model.FinishedJob;
import io.camelblackpearl.ds3.model.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a job-event consumer knows of the appliance: each active job's priority at the last poll (and
 * whether its WAITING was reported), and for the completed and canceled lists a watermark of what was
 * reported. {@link #compare} turns a fresh look at the three lists into events; each event is
 * {@link #apply applied} once it is delivered, so a poll cut short (a shutdown mid-batch) leaves the rest
 * to be found again by the next one, and an event {@link Poll#hold held} (its exchange failed) is found
 * again too. A job that both started and ended between two polls is reported CREATED (its body the
 * finished job) and then COMPLETED or CANCELED. Plain Java over the {@code ds3} model, no Camel types; not
 * thread-safe: one consumer polls at a time.
 * <p>
 * The watermarks are dates, not every id ever seen, so the state stays small however long the appliance's
 * history: an ending is new when it is not among those reported within {@link #LATE_ENDING_WINDOW} of the
 * newest one, and is dated after the start of that window. An ending that shows up on a list later than
 * that window after a newer one (an appliance whose clock jumped) is not reported.
 */
final class JobWatch {

    /** How far before the newest reported ending a newly listed ending is still taken as new. */
    static final Duration LATE_ENDING_WINDOW = Duration.ofMinutes(10);

    private final Duration waitingAfter;
    private boolean baselineTaken;
    private final Map<UUID, Seen> active = new HashMap<>();
    private final EndingMark completed = new EndingMark();
    private final EndingMark canceled = new EndingMark();

    /** An active job as last seen: its priority, and whether its WAITING is behind it. */
    private record Seen(Priority priority, boolean waited) {
    }

    /** @param waitingAfter the age at which an active job is reported WAITING; null or zero for never */
    JobWatch(Duration waitingAfter) {
        this.waitingAfter = waitingAfter == null || waitingAfter.isZero() ? null : waitingAfter;
    }

    /** Whether a first poll took its snapshot (or a saved state was restored). */
    boolean hasBaseline() {
        return baselineTaken;
    }

    /** How many active jobs are in the snapshot. */
    int activeJobCount() {
        return active.size();
    }

    /** The watermark of completions: the newest completion reported (or taken into the snapshot); null before one. */
    Instant newestCompletion() {
        return completed.newest;
    }

    /** The watermark of cancellations, as {@link #newestCompletion()}. */
    Instant newestCancellation() {
        return canceled.newest;
    }

    /**
     * The changes between the state and the lists just read, in time order; nothing is changed until the
     * events are applied and the poll {@link Poll#finish finished}.
     *
     * @param emitExisting on the first poll, report each active job as CREATED (and WAITING) instead of
     *                     taking it silently into the snapshot. Endings listed at the first poll are
     *                     history and are never reported.
     */
    Poll compare(List<ActiveJob> activeJobs, List<CompletedJob> completedJobs, List<CanceledJob> canceledJobs,
                        Instant now, boolean emitExisting) {
        List<JobEvent> events = new ArrayList<>();
        Set<UUID> ended = new HashSet<>();
        boolean first = !baselineTaken;
        if (!first) {
            endings(completedJobs, completed, JobEventType.COMPLETED, events, ended);
            endings(canceledJobs, canceled, JobEventType.CANCELED, events, ended);
        } else {
            completedJobs.forEach(job -> ended.add(job.id()));
            canceledJobs.forEach(job -> ended.add(job.id()));
        }
        Set<UUID> listed = new HashSet<>();
        List<ActiveJob> silentlyTaken = new ArrayList<>();
        for (ActiveJob job : activeJobs) {
            if (ended.contains(job.id())) {
                continue; // the active list lags behind the ending: the ending wins
            }
            listed.add(job.id());
            Seen seen = active.get(job.id());
            Instant waitingSince = waitingSince(job);
            boolean waiting = waitingSince != null && !waitingSince.isAfter(now);
            if (seen == null) {
                if (first && !emitExisting) {
                    silentlyTaken.add(job);
                    continue;
                }
                events.add(new JobEvent(JobEventType.CREATED, job, null, job.createdAt() == null ? now : job.createdAt()));
                if (waiting) {
                    events.add(new JobEvent(JobEventType.WAITING, job, null, waitingSince));
                }
                continue;
            }
            if (seen.priority() != job.priority()) {
                events.add(new JobEvent(JobEventType.PRIORITY_CHANGED, job, seen.priority(), now));
            }
            if (waiting && !seen.waited()) {
                events.add(new JobEvent(JobEventType.WAITING, job, null, waitingSince));
            }
        }
        events.sort(JobEvent.IN_TIME_ORDER);
        return new Poll(List.copyOf(events), first, completedJobs, canceledJobs, silentlyTaken, listed, now);
    }

    private void endings(List<? extends FinishedJob> jobs, EndingMark mark, JobEventType type, List<JobEvent> events,
                         Set<UUID> ended) {
        for (FinishedJob job : jobs) {
            ended.add(job.id());
            Instant at = finishedAt(job);
            if (mark.isNew(job.id(), at)) {
                if (!active.containsKey(job.id()) && job.createdAt() != null) {
                    // Started and ended between two polls: its CREATED was never seen, so it comes first.
                    events.add(new JobEvent(JobEventType.CREATED, job, null, job.createdAt()));
                }
                events.add(new JobEvent(type, job, null, at));
            }
        }
    }

    /** An ending without a date sorts first and, once a dated one was reported, is taken as history. */
    private static Instant finishedAt(FinishedJob job) {
        return job.finishedAt() == null ? Instant.EPOCH : job.finishedAt();
    }

    private Instant waitingSince(ActiveJob job) {
        return waitingAfter == null || job.createdAt() == null ? null : job.createdAt().plus(waitingAfter);
    }

    /** Records that {@code event} was delivered (or deliberately not delivered: filtered out). */
    void apply(JobEvent event) {
        UUID id = event.job().id();
        switch (event.type()) {
            case CREATED -> active.put(id, new Seen(event.job().priority(), false));
            case PRIORITY_CHANGED -> active.compute(id, (k, seen) -> new Seen(event.job().priority(), seen != null && seen.waited()));
            case WAITING -> active.compute(id, (k, seen) -> new Seen(seen == null ? event.job().priority() : seen.priority(), true));
            case COMPLETED -> {
                completed.record(id, event.at());
                active.remove(id);
            }
            case CANCELED -> {
                canceled.record(id, event.at());
                active.remove(id);
            }
        }
    }

    /** The events of one poll, and what the state takes silently once all of them were applied. */
    final class Poll {
        private final List<JobEvent> events;
        private final Set<UUID> held = new HashSet<>();
        private final boolean first;
        private final List<CompletedJob> completedJobs;
        private final List<CanceledJob> canceledJobs;
        private final List<ActiveJob> silentlyTaken;
        private final Set<UUID> listed;
        private final Instant now;

        private Poll(List<JobEvent> events, boolean first, List<CompletedJob> completedJobs, List<CanceledJob> canceledJobs,
                     List<ActiveJob> silentlyTaken, Set<UUID> listed, Instant now) {
            this.events = events;
            this.first = first;
            this.completedJobs = completedJobs;
            this.canceledJobs = canceledJobs;
            this.silentlyTaken = silentlyTaken;
            this.listed = listed;
            this.now = now;
        }

        List<JobEvent> events() {
            return events;
        }

        /**
         * Records that {@code event} was not delivered (its exchange failed, or an earlier event of its job
         * did) and must be found again by the next poll: its job stays known as it was, and an ending is owed,
         * so that newer endings do not push it out of the window.
         */
        void hold(JobEvent event) {
            held.add(event.job().id());
            if (event.type() == JobEventType.COMPLETED) {
                completed.owe(event.job().id(), event.at());
            } else if (event.type() == JobEventType.CANCELED) {
                canceled.owe(event.job().id(), event.at());
            }
        }

        /** Whether an event of this job was held in this poll: its later events wait with it, in order. */
        boolean isHeld(UUID jobId) {
            return held.contains(jobId);
        }

        /**
         * Call once every event was applied: takes the first poll's snapshot (the jobs and endings that
         * were there before), and forgets active jobs that left the list without an ending on record.
         */
        void finish() {
            if (first) {
                for (ActiveJob job : silentlyTaken) {
                    Instant since = waitingSince(job);
                    active.put(job.id(), new Seen(job.priority(), since != null && !since.isAfter(now)));
                }
                completedJobs.forEach(job -> completed.record(job.id(), finishedAt(job)));
                canceledJobs.forEach(job -> canceled.record(job.id(), finishedAt(job)));
                baselineTaken = true;
            }
            active.keySet().removeIf(id -> !listed.contains(id) && !held.contains(id));
            completed.forgetOwedNotIn(completedJobs);
            canceled.forgetOwedNotIn(canceledJobs);
        }
    }

    // ---- saving and restoring, for a Camel StateRepository: one line, no '=' -----------------------

    /** v2 adds the owed endings; a v1 state (without them) is still read. */
    private static final String VERSION = "v2";

    /** The state as one line of text (no {@code =}, no newline), which {@link #restore} reads back. */
    String save() {
        StringBuilder out = new StringBuilder(64 + active.size() * 48).append(VERSION).append('|')
                .append(baselineTaken ? '1' : '0').append('|');
        completed.save(out);
        out.append('|');
        canceled.save(out);
        out.append('|');
        boolean firstEntry = true;
        for (Map.Entry<UUID, Seen> entry : active.entrySet()) {
            if (!firstEntry) {
                out.append(',');
            }
            firstEntry = false;
            Seen seen = entry.getValue();
            out.append(entry.getKey()).append(':').append(seen.priority() == null ? "-" : seen.priority().name());
            if (seen.waited()) {
                out.append(":W");
            }
        }
        return out.toString();
    }

    /** Reads what {@link #save} wrote; an unreadable text fails naming what is wrong with it. */
    static JobWatch restore(String saved, Duration waitingAfter) {
        JobWatch watch = new JobWatch(waitingAfter);
        String[] parts = saved.split("\\|", -1);
        if (parts.length != 5 || !(VERSION.equals(parts[0]) || "v1".equals(parts[0]))) {
            throw new IllegalArgumentException("not a saved job-event state (expected " + VERSION + "|…, 5 fields)");
        }
        try {
            watch.baselineTaken = parts[1].equals("1");
            watch.completed.restore(parts[2]);
            watch.canceled.restore(parts[3]);
            if (!parts[4].isEmpty()) {
                for (String entry : parts[4].split(",")) {
                    String[] fields = entry.split(":");
                    Priority priority = fields[1].equals("-") ? null : Priority.valueOf(fields[1]);
                    watch.active.put(UUID.fromString(fields[0]), new Seen(priority, fields.length > 2 && fields[2].equals("W")));
                }
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("a saved job-event state that does not parse: " + e.getMessage(), e);
        }
        return watch;
    }

    /**
     * The endings of one list that were reported, as a date watermark and the ids just behind it, and the
     * endings owed: held back by a failed delivery, so new however far the watermark moves meanwhile.
     */
    private static final class EndingMark {
        private Instant newest;
        private final Map<UUID, Instant> recent = new HashMap<>();
        private final Map<UUID, Instant> owed = new HashMap<>();

        boolean isNew(UUID id, Instant at) {
            return owed.containsKey(id)
                    || !recent.containsKey(id) && (newest == null || at.isAfter(newest.minus(LATE_ENDING_WINDOW)));
        }

        void owe(UUID id, Instant at) {
            owed.put(id, at);
        }

        /** An owed ending the appliance no longer lists (its history was purged) can never be delivered. */
        void forgetOwedNotIn(List<? extends FinishedJob> listed) {
            if (!owed.isEmpty()) {
                Set<UUID> ids = new HashSet<>();
                listed.forEach(job -> ids.add(job.id()));
                owed.keySet().retainAll(ids);
            }
        }

        void record(UUID id, Instant at) {
            owed.remove(id);
            recent.put(id, at);
            if (newest == null || at.isAfter(newest)) {
                newest = at;
                Instant oldestKept = newest.minus(LATE_ENDING_WINDOW);
                recent.values().removeIf(when -> when.isBefore(oldestKept));
            }
        }

        /** {@code newest;id@millis,…;id@millis,…} (the owed endings last; a v1 state has none). */
        void save(StringBuilder out) {
            out.append(newest == null ? "-" : Long.toString(newest.toEpochMilli())).append(';');
            saveDates(recent, out);
            out.append(';');
            saveDates(owed, out);
        }

        void restore(String saved) {
            String[] parts = saved.split(";", -1);
            if (parts.length < 2 || parts.length > 3) {
                throw new IllegalArgumentException("an ending watermark of " + parts.length + " fields");
            }
            newest = parts[0].equals("-") ? null : Instant.ofEpochMilli(Long.parseLong(parts[0]));
            restoreDates(parts[1], recent);
            if (parts.length == 3) {
                restoreDates(parts[2], owed);
            }
        }

        private static void saveDates(Map<UUID, Instant> dates, StringBuilder out) {
            boolean first = true;
            for (Map.Entry<UUID, Instant> entry : dates.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(entry.getKey()).append('@').append(entry.getValue().toEpochMilli());
            }
        }

        private static void restoreDates(String saved, Map<UUID, Instant> dates) {
            if (!saved.isEmpty()) {
                for (String entry : saved.split(",")) {
                    int at = entry.indexOf('@');
                    dates.put(UUID.fromString(entry.substring(0, at)), Instant.ofEpochMilli(Long.parseLong(entry.substring(at + 1))));
                }
            }
        }
    }
}
