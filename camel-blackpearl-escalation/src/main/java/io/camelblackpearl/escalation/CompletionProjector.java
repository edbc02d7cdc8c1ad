package io.camelblackpearl.escalation;

import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.Priority;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Projects when a job finishes at a given priority, as the appliance orders its work: every job of a higher
 * priority, and every older job of the same priority, goes first; the appliance moves all of it at its
 * measured rate. Remaining bytes per priority sit in Fenwick trees over the jobs' creation order, so a
 * projection and a change of priority cost O(log n) even on ten thousand jobs.
 * <p>
 * A projection ignores jobs still to arrive (a new URGENT job would go first) and the appliance's caps on one
 * job's share; the policy's {@code deadlineMargin} is there for both.
 */
final class CompletionProjector {

    private static final int CLASSES = Priority.values().length;

    private final Map<UUID, Integer> position = new HashMap<>();
    private final long[] remaining;
    private final int[] klass;
    private final long[][] trees = new long[CLASSES][];
    private final long[] totals = new long[CLASSES];

    /** @param priority the priority each job is planned to have (its current one unless changed) */
    CompletionProjector(List<ActiveJob> jobs, Map<UUID, Priority> priority, Instant now) {
        List<ActiveJob> ordered = new ArrayList<>();
        for (ActiveJob job : jobs) {
            if (job.id() != null && job.priority() != null) {
                ordered.add(job);
            }
        }
        ordered.sort(Comparator.comparing((ActiveJob j) -> j.createdAt() == null ? now : j.createdAt()).thenComparing(ActiveJob::id));
        int n = ordered.size();
        remaining = new long[n];
        klass = new int[n];
        for (int c = 0; c < CLASSES; c++) {
            trees[c] = new long[n + 1];
        }
        for (int i = 0; i < n; i++) {
            ActiveJob job = ordered.get(i);
            position.put(job.id(), i);
            remaining[i] = Math.max(0, job.originalSizeInBytes() - job.completedSizeInBytes());
            klass[i] = priority.getOrDefault(job.id(), job.priority()).ordinal();
            add(klass[i], i, remaining[i]);
        }
    }

    private void add(int c, int i, long bytes) {
        totals[c] += bytes;
        long[] tree = trees[c];
        for (int k = i + 1; k < tree.length; k += k & -k) {
            tree[k] += bytes;
        }
    }

    /** Bytes of class {@code c} among the jobs before position {@code i}. */
    private long before(int c, int i) {
        long sum = 0;
        long[] tree = trees[c];
        for (int k = i; k > 0; k -= k & -k) {
            sum += tree[k];
        }
        return sum;
    }

    /** The bytes the appliance moves before {@code job} is done, were it at {@code at}: the work ahead and its own. */
    long bytesUntilDone(UUID job, Priority at) {
        int i = position.get(job);
        long ahead = 0;
        for (int c = 0; c < at.ordinal(); c++) {
            ahead += totals[c];
        }
        return ahead + before(at.ordinal(), i) + remaining[i];
    }

    /** Seconds until {@code job} is done at {@code at}, at {@code rate} bytes a second. */
    double secondsUntilDone(UUID job, Priority at, double rate) {
        return bytesUntilDone(job, at) / rate;
    }

    /** Plans {@code job} at {@code to} from now on: later projections see it there. */
    void move(UUID job, Priority to) {
        int i = position.get(job);
        if (klass[i] != to.ordinal()) {
            add(klass[i], i, -remaining[i]);
            klass[i] = to.ordinal();
            add(klass[i], i, remaining[i]);
        }
    }
}
