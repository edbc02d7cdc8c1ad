package io.camelblackpearl.benchmarks.outcome;

import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.JobRequestType;
import io.camelblackpearl.ds3.model.Priority;
import io.camelblackpearl.simulator.work.WorkModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One appliance (the simulator's work model) and one escalation, run in escalation periods on the model's clock:
 * each period the escalation sees the active jobs and its changes are applied, as Modify Active Job would, then
 * the appliance works until the next period. Counts what the escalation did: priority changes, URGENT
 * job-hours, the most jobs at URGENT at once.
 */
final class Simulation {

    private static final UUID BUCKET = new UUID(1, 1);
    private static final UUID USER = new UUID(2, 2);

    final WorkModel model;
    Lever lever;
    final long stepMillis;
    long changes;
    double urgentJobHours;
    int mostUrgent;

    Simulation(WorkModel model, Lever lever, long stepMillis) {
        this.model = model;
        this.lever = lever;
        this.stepMillis = stepMillis;
    }

    /** An independent copy at the same point, run on by {@code withLever}. */
    Simulation copy(Lever withLever) {
        Simulation copy = new Simulation(model.copy(), withLever, stepMillis);
        copy.changes = changes;
        copy.urgentJobHours = urgentJobHours;
        copy.mostUrgent = mostUrgent;
        return copy;
    }

    boolean done() {
        return model.activeJobs().isEmpty() && model.arrivals().nextAt() == Long.MAX_VALUE;
    }

    Instant now() {
        return Instant.ofEpochMilli(model.now());
    }

    /** The active jobs as List Active Jobs would show them. */
    List<ActiveJob> listing() {
        List<WorkModel.Job> active = model.activeJobs();
        List<ActiveJob> jobs = new ArrayList<>(active.size());
        for (WorkModel.Job j : active) {
            jobs.add(new ActiveJob(false, BUCKET, j.cachedSizeInBytes(), "NONE", j.completedSizeInBytes(),
                    Instant.ofEpochMilli(j.createdAt()), true, null, j.id(), false, false, false, j.name(), j.sizeInBytes(),
                    Priority.valueOf(j.priority()), false, null, false, JobRequestType.valueOf(j.requestType()), "NO", false,
                    false, USER, false));
        }
        return jobs;
    }

    /** One period: the lever decides on what it sees now, its changes are applied, the appliance works a period. */
    Map<UUID, Priority> step() {
        Map<UUID, Priority> decided = lever.decide(listing(), now());
        apply(decided);
        return decided;
    }

    /** One period with {@code action} applied instead of the lever's (the lever still sees the listing, to measure). */
    void step(Map<UUID, Priority> action, boolean leverObserves) {
        if (leverObserves) {
            lever.decide(listing(), now());
        }
        apply(action);
    }

    private void apply(Map<UUID, Priority> action) {
        for (Map.Entry<UUID, Priority> change : action.entrySet()) {
            WorkModel.Job job = model.job(change.getKey());
            if (job != null && job.active() && !job.priority().equals(change.getValue().name())) {
                model.priority(change.getKey(), change.getValue().name());
                changes++;
            }
        }
        int urgent = 0;
        for (WorkModel.Job j : model.activeJobs()) {
            if (j.priority().equals("URGENT")) {
                urgent++;
            }
        }
        mostUrgent = Math.max(mostUrgent, urgent);
        urgentJobHours += urgent * stepMillis / 3_600_000.0;
        model.advanceTo(model.now() + stepMillis);
    }
}
