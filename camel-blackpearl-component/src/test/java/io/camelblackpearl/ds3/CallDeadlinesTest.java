package io.camelblackpearl.ds3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sweep that aborts attempts past their deadline: on time, never a finished one, idle when nothing is in flight. */
class CallDeadlinesTest {

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void thePeriodIsAHundredthOfTheCallTimeoutBetween10MsAnd1S() {
        assertThat(new CallDeadlines(timer, Duration.ofSeconds(2)).period()).isEqualTo(Duration.ofMillis(20));
        assertThat(new CallDeadlines(timer, Duration.ofMillis(100)).period()).isEqualTo(Duration.ofMillis(10));
        assertThat(new CallDeadlines(timer, Duration.ofMinutes(2)).period()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anAttemptPastItsDeadlineIsAbortedOnceAndAFinishedOneNever() {
        CallDeadlines deadlines = new CallDeadlines(timer, Duration.ofSeconds(1));
        AtomicInteger late = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        long start = System.nanoTime();
        deadlines.watch(start + TimeUnit.MILLISECONDS.toNanos(50), late::incrementAndGet);
        CallDeadlines.Pending done = deadlines.watch(start + TimeUnit.MILLISECONDS.toNanos(50), finished::incrementAndGet);
        deadlines.done(done);
        await().atMost(Duration.ofSeconds(5)).until(() -> late.get() == 1);
        assertThat(System.nanoTime() - start).as("not before its deadline").isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
        // the sweep goes idle once nothing is in flight: no task left on the timer
        await().atMost(Duration.ofSeconds(5)).until(() -> timer.getQueue().isEmpty() && timer.getActiveCount() == 0);
        assertThat(late.get()).isEqualTo(1);
        assertThat(finished.get()).as("a finished attempt is never aborted").isZero();

        // and starts again for the next attempt
        deadlines.watch(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(30), late::incrementAndGet);
        await().atMost(Duration.ofSeconds(5)).until(() -> late.get() == 2);
    }

    @Test
    void manyCallersRacingTheSweepNeverLeaveAnAttemptUnwatched() throws Exception {
        CallDeadlines deadlines = new CallDeadlines(timer, Duration.ofMillis(100));
        AtomicInteger aborted = new AtomicInteger();
        Thread[] callers = new Thread[4];
        for (int c = 0; c < callers.length; c++) {
            callers[c] = new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    deadlines.done(deadlines.watch(System.nanoTime() + TimeUnit.SECONDS.toNanos(10), aborted::incrementAndGet));
                }
                deadlines.watch(System.nanoTime(), aborted::incrementAndGet); // its deadline is now: the sweep takes it
            });
            callers[c].start();
        }
        for (Thread caller : callers) {
            caller.join();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> aborted.get() == callers.length);
    }
}
