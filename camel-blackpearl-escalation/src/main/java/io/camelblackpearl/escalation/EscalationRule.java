package io.camelblackpearl.escalation;

import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.Priority;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rule: the jobs it selects, the age ladder they climb, the deadline they must meet and the ceiling they
 * stop at. The ladder is strictly increasing in both age and priority, and never names CRITICAL or BACKGROUND
 * (checked by {@link PolicyFile}); it may be empty when the rule has a deadline.
 *
 * @param deadline          how long after its creation a selected job must be done; null for none
 * @param deadlineFromName  whether a {@code due=<ISO-8601 time>} in a job's name is its deadline (it wins over
 *                          {@code deadline})
 */
public record EscalationRule(String id, JobSelector match, List<LadderStep> ladder, Priority ceiling, Duration deadline,
                             boolean deadlineFromName) {

    /** {@code due=2026-12-03T18:00Z} anywhere in a job's name, up to the next blank. */
    private static final Pattern DUE = Pattern.compile("(?:^|[\\s_;,(\\[-])due=(\\S+)");

    public EscalationRule {
        Objects.requireNonNull(id, "id");
        match = match == null ? JobSelector.ANY : match;
        ladder = List.copyOf(ladder);
        Objects.requireNonNull(ceiling, "ceiling");
    }

    /** A rule with an age ladder and no deadline. */
    public EscalationRule(String id, JobSelector match, List<LadderStep> ladder, Priority ceiling) {
        this(id, match, ladder, ceiling, null, false);
    }

    /** Whether the rule can give a job a deadline. */
    public boolean hasDeadlines() {
        return deadline != null || deadlineFromName;
    }

    /** The job's deadline under this rule: the {@code due=} in its name, else its creation plus {@code deadline}. */
    public Optional<Instant> deadlineOf(ActiveJob job) {
        if (deadlineFromName) {
            Optional<Instant> named = dueInName(job.name());
            if (named.isPresent()) {
                return named;
            }
        }
        return deadline == null || job.createdAt() == null ? Optional.empty() : Optional.of(job.createdAt().plus(deadline));
    }

    /** The {@code due=<ISO-8601 date-time with offset>} in a name, e.g. {@code restore-7 due=2026-12-03T18:00Z}. */
    public static Optional<Instant> dueInName(String name) {
        if (name == null || !name.contains("due=")) {
            return Optional.empty();
        }
        Matcher m = DUE.matcher(name);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(m.group(1)).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
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
