package io.camelblackpearl.benchmarks.outcome;

import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An escalation under test: at each run it sees the active jobs, as a listing shows them, at the appliance's
 * time, and answers the priority changes it would send. It may remember what it saw (a deadline policy
 * measures progress), hence {@link #copy()}.
 */
interface Lever {

    String name();

    Map<UUID, Priority> decide(List<ActiveJob> jobs, Instant now);

    /** An independent copy with the same memory. */
    Lever copy();

    Lever NONE = new Lever() {
        @Override
        public String name() {
            return "no escalation";
        }

        @Override
        public Map<UUID, Priority> decide(List<ActiveJob> jobs, Instant now) {
            return Map.of();
        }

        @Override
        public Lever copy() {
            return this;
        }
    };
}
