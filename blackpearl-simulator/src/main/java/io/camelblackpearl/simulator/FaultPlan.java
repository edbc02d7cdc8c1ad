package io.camelblackpearl.simulator;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults to inject, each for the next {@code times} requests of one operation (optionally of one job).
 * Rules are tried in the order they were added; a used-up rule disappears. Thread-safe.
 */
public final class FaultPlan {

    /** Matches every request of a rule's operation (or every request when the operation is null). */
    private record Rule(Ds3Operation operation, String jobId, AtomicInteger remaining, Fault fault) {
        boolean matches(Ds3Operation op, String job) {
            return (operation == null || operation == op) && (jobId == null || jobId.equals(job));
        }
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    /** Inject {@code fault} into the next {@code times} requests of {@code operation} (null: any operation). */
    public FaultPlan inject(Ds3Operation operation, int times, Fault fault) {
        return inject(operation, null, times, fault);
    }

    /** Inject {@code fault} into the next {@code times} requests of {@code operation} on job {@code jobId}. */
    public FaultPlan inject(Ds3Operation operation, String jobId, int times, Fault fault) {
        if (times <= 0) {
            throw new IllegalArgumentException("times must be positive, was " + times);
        }
        rules.add(new Rule(operation, jobId, new AtomicInteger(times), fault));
        return this;
    }

    /** The next {@code times} requests of {@code operation} answer {@code status} with an {@code <Error>} document. */
    public FaultPlan failNext(Ds3Operation operation, int times, int status) {
        return inject(operation, times, new Fault.ErrorResponse(status, codeFor(status), "Injected failure", 0));
    }

    /** Every request waits {@code delay} before it is answered, until {@link #clear()}. */
    public FaultPlan delayAll(Duration delay) {
        return inject(null, Integer.MAX_VALUE, new Fault.Delay(delay));
    }

    public void clear() {
        rules.clear();
    }

    /** The fault for this request, consuming one use of the first matching rule; null when none matches. */
    Fault next(Ds3Operation operation, String jobId) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if (rule.matches(operation, jobId)) {
                int left = rule.remaining.getAndDecrement();
                if (left <= 0) {
                    rules.remove(rule);
                    continue;
                }
                if (left == 1) {
                    rules.remove(rule);
                }
                return rule.fault;
            }
        }
        return null;
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "BadRequest";
            case 403 -> "AccessDenied";
            case 404 -> "NotFound";
            case 409 -> "Conflict";
            case 503 -> "ServiceUnavailable";
            default -> status >= 500 ? "InternalError" : "Error";
        };
    }
}
