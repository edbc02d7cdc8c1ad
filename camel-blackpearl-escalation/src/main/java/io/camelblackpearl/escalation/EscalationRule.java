package io.camelblackpearl.escalation;

import io.camelblackpearl.ds3.model.Priority;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One rule: the jobs it selects, the age ladder they climb and the ceiling they stop at. The ladder is
 * strictly increasing in both age and priority, and never names CRITICAL or BACKGROUND (checked by
 * {@link PolicyFile}).
 */
public record EscalationRule(String id, JobSelector match, List<LadderStep> ladder, Priority ceiling) {

    public EscalationRule {
        Objects.requireNonNull(id, "id");
        match = match == null ? JobSelector.ANY : match;
        ladder = List.copyOf(ladder);
        Objects.requireNonNull(ceiling, "ceiling");
    }

    /** The priority a job of this age should have: the highest step whose age has passed, capped by the ceiling. */
    public Optional<Priority> target(Duration age) {
        return highestDue(age, ceiling);
    }

    /** The highest due step strictly below {@code limit} (and within the ceiling): the fallback when URGENT is full. */
    public Optional<Priority> highestDueBelow(Duration age, Priority limit) {
        Priority best = null;
        for (LadderStep step : ladder) {
            if (step.after().compareTo(age) <= 0 && limit.isAbove(step.priority()) && !step.priority().isAbove(ceiling)) {
                best = step.priority();
            }
        }
        return Optional.ofNullable(best);
    }

    private Optional<Priority> highestDue(Duration age, Priority cap) {
        Priority best = null;
        for (LadderStep step : ladder) {
            if (step.after().compareTo(age) <= 0) {
                best = step.priority();
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(best.isAbove(cap) ? cap : best);
    }
}
