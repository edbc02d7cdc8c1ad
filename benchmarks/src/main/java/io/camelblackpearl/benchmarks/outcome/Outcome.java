package io.camelblackpearl.benchmarks.outcome;

import io.camelblackpearl.escalation.EscalationRule;
import io.camelblackpearl.simulator.work.WorkModel;
import io.camelblackpearl.simulator.work.WorkSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * How one policy did on one workload: deadline misses (count, bytes), p95 lateness of the jobs with
 * deadlines, p95 slowdown of the jobs without (time in the system ÷ time alone), URGENT job-hours, priority
 * changes and the most jobs at URGENT at once. A job not done by the end counts as done then.
 */
record Outcome(int deadlineJobs, int misses, long missedBytes, double latenessHoursSum, double p95LatenessHours,
               double p95Slowdown, double urgentJobHours, long changes, int mostUrgent) {

    /** The order a cost compares in: fewer misses, then fewer missed bytes, then less lateness. */
    boolean betterThan(Outcome other) {
        if (misses != other.misses) {
            return misses < other.misses;
        }
        if (missedBytes != other.missedBytes) {
            return missedBytes < other.missedBytes;
        }
        return latenessHoursSum < other.latenessHoursSum - 1e-9;
    }

    static Outcome of(Simulation sim) {
        WorkSettings settings = sim.model.settings();
        long end = sim.model.now();
        List<Double> lateness = new ArrayList<>();
        List<Double> slowdown = new ArrayList<>();
        int misses = 0;
        long missedBytes = 0;
        double latenessSum = 0;
        for (WorkModel.Job job : sim.model.allJobs()) {
            long finish = job.completedAt() < 0 ? end : job.completedAt();
            Optional<Instant> due = EscalationRule.dueInName(job.name());
            if (due.isPresent()) {
                double late = Math.max(0, finish - due.get().toEpochMilli()) / 3_600_000.0;
                lateness.add(late);
                latenessSum += late;
                if (finish > due.get().toEpochMilli()) {
                    misses++;
                    missedBytes += job.sizeInBytes();
                }
            } else {
                slowdown.add((finish - job.createdAt()) / 1000.0 / settings.secondsAlone(job.sizeInBytes()));
            }
        }
        return new Outcome(lateness.size(), misses, missedBytes, latenessSum, p95(lateness), p95(slowdown),
                sim.urgentJobHours, sim.changes, sim.mostUrgent);
    }

    static double p95(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(0.95 * sorted.size()) - 1));
    }
}
