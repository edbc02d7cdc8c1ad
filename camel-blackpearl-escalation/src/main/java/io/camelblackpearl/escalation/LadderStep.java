package io.camelblackpearl.escalation;

import io.camelblackpearl.ds3.model.Priority;
import java.time.Duration;
import java.util.Objects;

/** "Once a job is {@code after} old, it should be at least {@code priority}." */
public record LadderStep(Duration after, Priority priority) {

    public LadderStep {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(priority, "priority");
    }
}
