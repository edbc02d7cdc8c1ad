package io.camelblackpearl.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults to inject. Each rule matches the requests of one operation (any operation when null, optionally
 * one job), applies to a fraction {@code rate} of them drawn from a seeded random (so a run can be
 * replayed), and is used up after {@code times} applications. Rules are tried in the order they were
 * added; the first that matches and is drawn applies. Thread-safe.
 */
public final class FaultPlan {

    /** Unlimited applications. */
    public static final int ALWAYS = Integer.MAX_VALUE;

    private record Rule(Ds3Operation operation, String jobId, double rate, AtomicInteger remaining, Fault fault) {
        boolean matches(Ds3Operation op, String job) {
            return (operation == null || operation == op) && (jobId == null || jobId.equals(job));
        }
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private Random random = new Random(42);

    /** Seeds the draws of rates and delay ranges, so the same requests meet the same faults. */
    public synchronized FaultPlan seed(long seed) {
        random = new Random(seed);
        return this;
    }

    /** Inject {@code fault} into the next {@code times} requests of {@code operation} (null: any operation). */
    public FaultPlan inject(Ds3Operation operation, int times, Fault fault) {
        return inject(operation, null, times, fault);
    }

    /** Inject {@code fault} into the next {@code times} requests of {@code operation} on job {@code jobId}. */
    public FaultPlan inject(Ds3Operation operation, String jobId, int times, Fault fault) {
        return add(operation, jobId, 1.0, times, fault);
    }

    /** Inject {@code fault} into a fraction {@code rate} (0..1] of the requests of {@code operation}, until cleared. */
    public FaultPlan inject(Ds3Operation operation, double rate, Fault fault) {
        return add(operation, null, rate, ALWAYS, fault);
    }

    private FaultPlan add(Ds3Operation operation, String jobId, double rate, int times, Fault fault) {
        if (times <= 0) {
            throw new IllegalArgumentException("times must be positive, was " + times);
        }
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be above 0 and at most 1, was " + rate);
        }
        rules.add(new Rule(operation, jobId, rate, new AtomicInteger(times), fault));
        return this;
    }

    /** The next {@code times} requests of {@code operation} answer {@code status} with an {@code <Error>} document. */
    public FaultPlan failNext(Ds3Operation operation, int times, int status) {
        return inject(operation, times, new Fault.ErrorResponse(status, codeFor(status), "Injected failure", 0));
    }

    /** Every request waits {@code delay} before it is answered, until {@link #clear()}. */
    public FaultPlan delayAll(Duration delay) {
        return inject(null, ALWAYS, new Fault.Delay(delay));
    }

    public void clear() {
        rules.clear();
    }

    /** No fault is planned: the non-blocking server may answer on its selector thread. */
    boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The fault for this request, consuming one use of the first matching, drawn rule; null when none applies. */
    Fault next(Ds3Operation operation, String jobId) {
        for (Rule rule : rules) {
            if (!rule.matches(operation, jobId) || (rule.rate < 1 && draw() >= rule.rate)) {
                continue;
            }
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
        return null;
    }

    /** How long a {@link Fault.Delay} waits this time. */
    Duration delayOf(Fault.Delay delay) {
        long spread = delay.max().toMillis() - delay.min().toMillis();
        return spread == 0 ? delay.min() : delay.min().plusMillis((long) (draw() * (spread + 1)));
    }

    private synchronized double draw() {
        return random.nextDouble();
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "BadRequest";
            case 403 -> "AccessDenied";
            case 404 -> "NotFound";
            case 409 -> "Conflict";
            case 429 -> "TooManyRequests";
            case 502 -> "BadGateway";
            case 503 -> "ServiceUnavailable";
            case 504 -> "GatewayTimeout";
            default -> status >= 500 ? "InternalError" : "Error";
        };
    }
}
