package io.camelblackpearl.benchmarks.outcome;

import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.Priority;
import io.camelblackpearl.simulator.work.WorkModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The oracle: the same lever (priority changes once a period), the same schedule and URGENT budget, but it plans
 * with the appliance's exact future. It is a fortified rollout (Bertsekas): it keeps the best whole future found
 * so far, starting with the best of the base policies run to the end; each period it tries every change a base
 * policy would make now, each followed by every base policy to the end on a copy of the simulator, and switches
 * to a future that misses fewer deadlines (then fewer bytes, then less lateness). Because it only ever switches
 * to a better complete future and then follows it, it ends no worse than any base policy on every workload: a
 * true bound for them, which the benchmark checks.
 */
final class Oracle {

    private final List<Lever> bases;
    private final long limitMillis;

    /** A future: the changes to make from period {@code from} on, and how it ends. */
    private record Future(int from, List<Map<UUID, Priority>> actions, Outcome outcome) {
        Map<UUID, Priority> action(int period) {
            int i = period - from;
            return i < actions.size() ? actions.get(i) : Map.of();
        }
    }

    Oracle(List<Lever> bases, long limitMillis) {
        this.bases = bases;
        this.limitMillis = limitMillis;
    }

    Simulation run(Simulation start) {
        Simulation main = start.copy(Lever.NONE);
        List<Lever> shadows = new ArrayList<>();
        for (Lever base : bases) {
            shadows.add(base.copy());
        }
        Future best = null;
        for (Lever base : shadows) {
            Future f = rollout(main, null, base.copy(), 0);
            if (best == null || f.outcome().betterThan(best.outcome())) {
                best = f;
            }
        }
        for (int period = 0; !main.done() && main.model.now() < limitMillis; period++) {
            List<ActiveJob> listing = main.listing();
            Instant now = main.now();
            Map<UUID, Priority> following = effective(main.model, best.action(period));
            Set<Map<UUID, Priority>> tried = new LinkedHashSet<>();
            tried.add(following);
            List<Map<UUID, Priority>> suggestions = new ArrayList<>();
            for (Lever shadow : shadows) {
                suggestions.add(effective(main.model, shadow.decide(listing, now)));
            }
            for (Map<UUID, Priority> action : suggestions) {
                if (!tried.add(action)) {
                    continue;
                }
                for (Lever shadow : shadows) {
                    Future f = rollout(main, action, shadow.copy(), period);
                    if (f.outcome().betterThan(best.outcome())) {
                        best = f;
                    }
                }
            }
            main.step(best.action(period), false);
        }
        return main;
    }

    /** The changes of {@code action} that change something. */
    private static Map<UUID, Priority> effective(WorkModel model, Map<UUID, Priority> action) {
        Map<UUID, Priority> out = new LinkedHashMap<>();
        for (Map.Entry<UUID, Priority> change : action.entrySet()) {
            WorkModel.Job job = model.job(change.getKey());
            if (job != null && job.active() && !job.priority().equals(change.getValue().name())) {
                out.put(change.getKey(), change.getValue());
            }
        }
        return out;
    }

    private Future rollout(Simulation from, Map<UUID, Priority> first, Lever lever, int period) {
        Simulation sim = from.copy(lever);
        List<Map<UUID, Priority>> actions = new ArrayList<>();
        if (first != null) {
            sim.step(first, false);
            actions.add(first);
        }
        while (!sim.done() && !deadlinesSettled(sim) && sim.model.now() < limitMillis) {
            actions.add(sim.step());
        }
        return new Future(period, actions, Outcome.of(sim));
    }

    /** No job with a deadline is active and none will arrive: the rest cannot change a miss. */
    private static boolean deadlinesSettled(Simulation sim) {
        if (sim.model.arrivals().nextAt() != Long.MAX_VALUE) {
            return false;
        }
        for (WorkModel.Job job : sim.model.activeJobs()) {
            if (job.name().contains("due=")) {
                return false;
            }
        }
        return true;
    }
}
