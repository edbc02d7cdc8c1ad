package io.camelblackpearl.escalation;

import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decides, as a pure function of (active jobs, now, policy), which jobs to raise and to what. It never
 * lowers a priority, never targets CRITICAL or BACKGROUND, and leaves jobs that are at CRITICAL or
 * BACKGROUND (the appliance's own) alone. Every run is a full reconciliation, so running it twice, or
 * after a failure, converges on the same state.
 */
public final class EscalationPlanner {

    /** Oldest first, then by id: who gets URGENT when there is not room for all, and who goes first. */
    private static final Comparator<Candidate> OLDEST_FIRST =
            Comparator.comparing((Candidate c) -> c.job.createdAt()).thenComparing(c -> c.job.id());

    private record Candidate(ActiveJob job, EscalationRule rule, Duration age, Priority target) {
    }

    /**
     * One run's plan: its decisions, and what it saw of deadlines.
     *
     * @param deadlineJobs jobs with a deadline under their rule
     * @param atRisk       of those, the jobs projected to miss their deadline even after this run's raises
     * @param leastSlack   the smallest slack (deadline minus projected finish, after the run's raises) of any job
     *                     with a deadline, in seconds; negative when one is projected late; NaN when none was projected
     */
    public record Plan(List<EscalationDecision> decisions, int deadlineJobs, int atRisk, double leastSlack) {
    }

    /** A job with a deadline, as the deadline pass sees it. */
    private static final class DeadlineJob {
        final ActiveJob job;
        final EscalationRule rule;
        final Instant deadline;
        Priority planned;
        Priority raisedTo;
        Instant projected;
        boolean unreachable;
        boolean urgentFull;

        DeadlineJob(ActiveJob job, EscalationRule rule, Instant deadline, Priority planned) {
            this.job = job;
            this.rule = rule;
            this.deadline = deadline;
            this.planned = planned;
        }
    }

    /**
     * One run's plan at {@code now} (the appliance's time), its decisions each PLANNED or SKIPPED_*: only jobs
     * whose priority should change (or would, but for a guard) appear; jobs without a creation time or a known
     * priority are left alone. Ladders by age, then deadlines projected at the
     * appliance's {@code rate} (bytes a second; NaN when not yet measured, and then no deadline raises a job).
     * <p>
     * A job with a deadline is raised only when it is projected to miss it at the priority it would otherwise
     * have, and then to the lowest priority that meets it with the policy's margin (within its rule's ceiling and
     * {@code maxUrgentJobs}). Jobs are considered earliest deadline first, each projection counting the raises
     * already planned; a job that cannot make it even at its ceiling is reported and, unless the policy says
     * {@code raiseUnreachable}, left where it is. URGENT goes to deadlines first, then to ladders, oldest first.
     */
    public Plan plan(List<ActiveJob> jobs, EscalationPolicy policy, Instant now, double rate) {
        if (!policy.enabled()) {
            return new Plan(List.of(), 0, 0, Double.NaN);
        }
        List<Candidate> candidates = new ArrayList<>();
        List<DeadlineJob> withDeadline = new ArrayList<>();
        Map<UUID, Priority> planned = new HashMap<>();
        int urgentAlready = 0;
        for (ActiveJob job : jobs) {
            Priority current = job.priority();
            if (current == Priority.URGENT) {
                urgentAlready++;
            }
            if (current == null || !current.isUserSettable() || job.createdAt() == null || job.id() == null) {
                continue;
            }
            Optional<EscalationRule> found = policy.ruleFor(job);
            if (found.isEmpty()) {
                continue;
            }
            EscalationRule rule = found.get();
            Duration age = Duration.between(job.createdAt(), now);
            Optional<Priority> ladder = rule.target(age).filter(target -> target.isAbove(current));
            ladder.ifPresent(target -> candidates.add(new Candidate(job, rule, age, target)));
            // Until URGENT is shared out below, a ladder's URGENT counts as HIGH in projections.
            Priority before = ladder.map(t -> t == Priority.URGENT ? Priority.HIGH : t).filter(t -> t.isAbove(current)).orElse(current);
            planned.put(job.id(), before);
            rule.deadlineOf(job).ifPresent(deadline -> withDeadline.add(new DeadlineJob(job, rule, deadline, before)));
        }
        int urgentRoom = Math.max(0, policy.maxUrgentJobs() - urgentAlready);
        boolean projecting = !withDeadline.isEmpty() && rate > 0;
        Map<UUID, DeadlineJob> byId = new HashMap<>();
        if (projecting) {
            urgentRoom = planDeadlines(jobs, withDeadline, planned, policy, now, rate, urgentRoom);
            for (DeadlineJob d : withDeadline) {
                byId.put(d.job.id(), d);
            }
        }

        candidates.sort(OLDEST_FIRST);
        List<EscalationDecision> decisions = new ArrayList<>(candidates.size());
        Set<UUID> byLadder = new HashSet<>();
        for (Candidate c : candidates) {
            DeadlineJob d = byId.get(c.job.id());
            if (d != null && d.raisedTo != null && !c.target.isAbove(d.raisedTo)) {
                continue; // the deadline raises it as high or higher: decided below
            }
            byLadder.add(c.job.id());
            String why = "age " + format(c.age) + " reached the " + c.target + " step of rule " + c.rule.id();
            EscalationDecision decision;
            if (c.target != Priority.URGENT) {
                decision = EscalationDecision.planned(c.job, c.target, c.rule, c.age, why);
            } else if (urgentRoom > 0) {
                urgentRoom--;
                decision = EscalationDecision.planned(c.job, Priority.URGENT, c.rule, c.age, why);
            } else {
                decision = urgentCapFallback(c, policy);
            }
            decisions.add(d == null ? decision : decision.withDeadline(d.deadline, d.projected));
        }
        int atRisk = 0;
        double leastSlack = Double.NaN;
        for (DeadlineJob d : withDeadline) {
            if (d.projected != null && d.projected.isAfter(d.deadline)) {
                atRisk++;
            }
            if (d.projected != null) {
                double slack = Duration.between(d.projected, d.deadline).toMillis() / 1000.0;
                leastSlack = Double.isNaN(leastSlack) ? slack : Math.min(leastSlack, slack);
            }
            if (byLadder.contains(d.job.id())) {
                continue;
            }
            Duration age = Duration.between(d.job.createdAt(), now);
            Priority from = d.job.priority();
            if (d.raisedTo != null && d.raisedTo.isAbove(from)) {
                String why = "projected to finish " + d.projected + " at " + d.raisedTo + (d.unreachable ? ", after" : ", before")
                        + " its deadline " + d.deadline + (d.urgentFull ? " (URGENT is full, maxUrgentJobs=" + policy.maxUrgentJobs() + ")" : "");
                decisions.add(EscalationDecision.planned(d.job, d.raisedTo, d.rule, age, why).withDeadline(d.deadline, d.projected));
            } else if (d.unreachable) {
                decisions.add(new EscalationDecision(d.job.id(), d.job.name(), from, d.rule.ceiling(), d.rule.id(), age,
                        EscalationOutcome.SKIPPED_DEADLINE_UNREACHABLE, "projected to finish " + d.projected + " even at "
                        + (d.urgentFull ? "HIGH (URGENT is full)" : d.rule.ceiling().toString()) + ", after its deadline "
                        + d.deadline + "; left where it is", d.deadline, d.projected));
            }
        }
        return new Plan(limitPerRun(decisions, policy.maxEscalationsPerRun()), withDeadline.size(), atRisk, leastSlack);
    }

    /** The deadline pass; returns the URGENT room left. */
    private static int planDeadlines(List<ActiveJob> jobs, List<DeadlineJob> withDeadline, Map<UUID, Priority> planned,
                                     EscalationPolicy policy, Instant now, double rate, int urgentRoom) {
        CompletionProjector projector = new CompletionProjector(jobs, planned, now);
        withDeadline.sort(Comparator.comparing((DeadlineJob d) -> d.deadline).thenComparing(d -> d.job.createdAt())
                .thenComparing(d -> d.job.id()));
        DeadlineMargin margin = policy.deadlineMargin();
        // Raises only go up, so a few passes settle: a later raise can push an earlier one's job back.
        for (int pass = 0; pass < 3; pass++) {
            boolean changed = false;
            for (DeadlineJob d : withDeadline) {
                double seconds = projector.secondsUntilDone(d.job.id(), d.planned, rate);
                d.projected = at(now, seconds);
                if (margin.met(now, seconds, d.deadline)) {
                    d.unreachable = false;
                    continue;
                }
                Priority chosen = null;
                Priority highest = null;
                d.urgentFull = false;
                for (Priority p = above(d.planned); p != null && !p.isAbove(d.rule.ceiling()); p = above(p)) {
                    if (p == Priority.URGENT && urgentRoom <= 0) {
                        d.urgentFull = true;
                        break;
                    }
                    highest = p;
                    double s = projector.secondsUntilDone(d.job.id(), p, rate);
                    if (margin.met(now, s, d.deadline)) {
                        chosen = p;
                        d.projected = at(now, s);
                        break;
                    }
                }
                if (chosen == null && highest != null) {
                    // No margin anywhere: the highest allowed still helps if it makes the deadline at all.
                    double s = projector.secondsUntilDone(d.job.id(), highest, rate);
                    d.projected = at(now, s);
                    d.unreachable = d.projected.isAfter(d.deadline);
                    if (!d.unreachable || policy.raiseUnreachable()) {
                        chosen = highest;
                    }
                } else if (chosen == null) {
                    d.unreachable = true;
                }
                if (chosen != null && chosen.isAbove(d.planned)) {
                    if (chosen == Priority.URGENT) {
                        urgentRoom--;
                    }
                    projector.move(d.job.id(), chosen);
                    d.planned = chosen;
                    d.raisedTo = chosen;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        return urgentRoom;
    }

    private static Instant at(Instant now, double seconds) {
        return now.plusMillis((long) Math.min(seconds * 1000, 1e15));
    }

    /** The next user-settable priority above {@code p}; null above URGENT. */
    private static Priority above(Priority p) {
        return switch (p) {
            case LOW, BACKGROUND -> Priority.NORMAL;
            case NORMAL -> Priority.HIGH;
            case HIGH -> Priority.URGENT;
            default -> null;
        };
    }

    private static EscalationDecision urgentCapFallback(Candidate c, EscalationPolicy policy) {
        String cap = "URGENT is full (maxUrgentJobs=" + policy.maxUrgentJobs() + ")";
        Optional<Priority> fallback = c.rule.highestDueBelow(c.age, Priority.URGENT).filter(p -> p.isAbove(c.job.priority()));
        if (fallback.isPresent()) {
            return EscalationDecision.planned(c.job, fallback.get(), c.rule, c.age, cap + "; highest step below it instead");
        }
        return new EscalationDecision(c.job.id(), c.job.name(), c.job.priority(), Priority.URGENT, c.rule.id(), c.age,
                EscalationOutcome.SKIPPED_URGENT_CAP, cap + "; no lower step is above the job's priority");
    }

    /** Keeps the first {@code max} modifies (URGENT first, then oldest first); the rest wait for the next run. */
    private static List<EscalationDecision> limitPerRun(List<EscalationDecision> decisions, int max) {
        List<EscalationDecision> ordered = new ArrayList<>(decisions);
        // Stable sort: within a target priority the oldest-first order stays.
        ordered.sort(Comparator.comparing((EscalationDecision d) -> d.outcome() != EscalationOutcome.PLANNED)
                .thenComparing(d -> d.to() == null ? Integer.MAX_VALUE : d.to().ordinal()));
        int planned = 0;
        List<EscalationDecision> out = new ArrayList<>(ordered.size());
        for (EscalationDecision d : ordered) {
            if (d.outcome() == EscalationOutcome.PLANNED && ++planned > max) {
                out.add(d.withOutcome(EscalationOutcome.SKIPPED_RUN_LIMIT,
                        "maxEscalationsPerRun=" + max + " reached; next run"));
            } else {
                out.add(d);
            }
        }
        return out;
    }

    /** {@code 2h10m}, {@code 3d4h}, {@code 45m}, {@code 1m35s}: the age as an operator reads it. */
    public static String format(Duration age) {
        if (age.isNegative()) {
            return "-" + format(age.negated());
        }
        long days = age.toDays();
        int hours = age.toHoursPart();
        int minutes = age.toMinutesPart();
        int seconds = age.toSecondsPart();
        if (days > 0) {
            return days + "d" + (hours == 0 ? "" : hours + "h");
        }
        if (hours > 0) {
            return hours + "h" + (minutes == 0 ? "" : twoDigits(minutes) + "m");
        }
        if (minutes > 0) {
            return minutes + "m" + (seconds == 0 ? "" : twoDigits(seconds) + "s");
        }
        return seconds + "s";
    }

    /** 0-59 as two digits; String.format was a third of the planning time of a 10,000-job run. */
    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
