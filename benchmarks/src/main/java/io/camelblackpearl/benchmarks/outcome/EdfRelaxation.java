package io.camelblackpearl.benchmarks.outcome;

import io.camelblackpearl.escalation.EscalationRule;
import io.camelblackpearl.simulator.work.Arrival;
import io.camelblackpearl.simulator.work.Arrivals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The relaxation no priority lever can beat on lateness: the jobs with deadlines alone (the others are left
 * out), preemptive earliest-deadline-first on the appliance's whole rate, without chunks, caps, classes or
 * drives. When it meets every deadline, every deadline could be met; its lateness is the least there can be
 * (Jackson's rule). Its miss count is what EDF achieves, not the minimum possible under overload.
 */
final class EdfRelaxation {

    private EdfRelaxation() {
    }

    record Result(int misses, long missedBytes, double p95LatenessHours) {
    }

    private static final class Work {
        final long due;
        final long size;
        double left;

        Work(long due, long size) {
            this.due = due;
            this.size = size;
            this.left = size;
        }
    }

    static Result run(Arrivals arrivals, double rateBytesPerSecond) {
        List<Arrival> jobs = new ArrayList<>();
        List<Long> dues = new ArrayList<>();
        Arrivals all = arrivals.copy();
        while (all.nextAt() != Long.MAX_VALUE) {
            Arrival a = all.take();
            Optional<Instant> due = EscalationRule.dueInName(a.name());
            if (due.isPresent()) {
                jobs.add(a);
                dues.add(due.get().toEpochMilli());
            }
        }
        double perMilli = rateBytesPerSecond / 1000.0;
        PriorityQueue<Work> ready = new PriorityQueue<>((x, y) -> Long.compare(x.due, y.due));
        double t = 0;
        int next = 0;
        int misses = 0;
        long missedBytes = 0;
        List<Double> lateness = new ArrayList<>();
        while (next < jobs.size() || !ready.isEmpty()) {
            if (ready.isEmpty()) {
                t = Math.max(t, jobs.get(next).atMillis());
            }
            while (next < jobs.size() && jobs.get(next).atMillis() <= t) {
                ready.add(new Work(dues.get(next), jobs.get(next).sizeInBytes()));
                next++;
            }
            Work w = ready.peek();
            double finish = t + w.left / perMilli;
            double nextArrival = next < jobs.size() ? jobs.get(next).atMillis() : Double.MAX_VALUE;
            if (finish <= nextArrival) {
                t = finish;
                ready.poll();
                double late = Math.max(0, finish - w.due) / 3_600_000.0;
                lateness.add(late);
                if (finish > w.due) {
                    misses++;
                    missedBytes += w.size;
                }
            } else {
                w.left -= (nextArrival - t) * perMilli;
                t = nextArrival;
            }
        }
        return new Result(misses, missedBytes, Outcome.p95(lateness));
    }
}
