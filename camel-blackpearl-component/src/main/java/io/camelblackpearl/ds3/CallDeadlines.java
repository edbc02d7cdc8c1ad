package io.camelblackpearl.ds3;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The attempts in flight that have a deadline, and one periodic sweep that aborts those past it. A timer task
 * scheduled and cancelled per call would cost every call a lock, a heap insertion and removal, and (when it
 * becomes the earliest) a wake-up of the timer thread; here a call costs a set insertion and removal, and the
 * sweep runs only while calls are in flight. An attempt is aborted at most one sweep period after its deadline:
 * 1% of the call timeout, at least 10 ms and at most 1 s.
 */
final class CallDeadlines {

    /** One attempt in flight: its deadline ({@link System#nanoTime()}) and how to abort it. */
    static final class Pending {
        private final long deadline;
        private final Runnable abort;

        private Pending(long deadline, Runnable abort) {
            this.deadline = deadline;
            this.abort = abort;
        }
    }

    private final ScheduledExecutorService timer;
    private final long periodNanos;
    private final Set<Pending> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean sweeping = new AtomicBoolean();

    CallDeadlines(ScheduledExecutorService timer, Duration callTimeout) {
        this.timer = timer;
        long hundredth = callTimeout.toNanos() / 100;
        this.periodNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(TimeUnit.SECONDS.toNanos(1), hundredth));
    }

    /** How late past its deadline an attempt may be aborted. */
    Duration period() {
        return Duration.ofNanos(periodNanos);
    }

    /** Watches an attempt until {@link #done}; {@code abort} runs on the timer's thread once its deadline passed. */
    Pending watch(long deadlineNanos, Runnable abort) {
        Pending attempt = new Pending(deadlineNanos, abort);
        pending.add(attempt);
        startSweeping();
        return attempt;
    }

    /** The attempt ended (or was aborted): it is no longer watched. */
    void done(Pending attempt) {
        pending.remove(attempt);
    }

    private void startSweeping() {
        if (sweeping.compareAndSet(false, true)) {
            timer.schedule(this::sweep, periodNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Pending attempt : pending) {
            if (now - attempt.deadline >= 0 && pending.remove(attempt)) {
                attempt.abort.run();
            }
        }
        if (!pending.isEmpty()) {
            timer.schedule(this::sweep, periodNanos, TimeUnit.NANOSECONDS);
            return;
        }
        sweeping.set(false);
        if (!pending.isEmpty()) {
            startSweeping(); // an attempt came in between the check and the flag: it must not go unwatched
        }
    }
}
