package io.camelblackpearl.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.JobRequestType;
import io.camelblackpearl.ds3.model.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProgressHistoryTest {

    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");

    private static ActiveJob job(int n, long completed, long size) {
        UUID id = new UUID(0, n);
        return new ActiveJob(false, id, completed, "NONE", completed, T0, true, null, id, false, false, false, "job-" + n, size,
                Priority.NORMAL, false, null, false, JobRequestType.PUT, "NO", false, false, id, false);
    }

    @Test
    void theRateIsWhatJobsCompletedBetweenRunsIncludingJobsThatLeftTheList() {
        ProgressHistory history = new ProgressHistory();
        history.observe(T0, List.of(job(1, 0, 1000), job(2, 500, 1000)));
        assertThat(history.rate()).as("one run measures nothing").isEmpty();
        // 100 s later: job 1 moved 300, job 2 completed (its last 500 counted), job 3 arrived with 200 done
        history.observe(T0.plusSeconds(100), List.of(job(1, 300, 1000), job(3, 200, 1000)));
        assertThat(history.rate()).hasValue(10.0);
    }

    @Test
    void itSurvivesARestartThroughItsText() {
        ProgressHistory history = new ProgressHistory();
        history.observe(T0, List.of(job(1, 0, 1000)));
        history.observe(T0.plusSeconds(100), List.of(job(1, 400, 1000)));
        ProgressHistory restored = ProgressHistory.decode(history.encode(), ProgressHistory.DEFAULT_WINDOW);
        assertThat(restored.rate()).isEqualTo(history.rate());
        assertThat(restored.lastCompleted(new UUID(0, 1))).isEqualTo(400);
        restored.observe(T0.plusSeconds(200), List.of(job(1, 1000, 1000)));
        assertThat(restored.rate()).as("(400 + 600) bytes over 200 s").hasValue(5.0);
        assertThat(ProgressHistory.decode("garbage", Duration.ofHours(1)).rate()).isEmpty();
    }

    @Test
    void quietIntervalsDoNotMakeTheApplianceLookSlow() {
        ProgressHistory history = new ProgressHistory();
        history.observe(T0, List.of(job(1, 0, 100_000)));
        history.observe(T0.plusSeconds(100), List.of(job(1, 100_000 - 10, 100_000)));
        double busyRate = history.rate().getAsDouble();
        // only 10 bytes were left: an interval in which the appliance was mostly idle is not a rate sample
        history.observe(T0.plusSeconds(1100), List.of());
        assertThat(history.rate()).hasValue(busyRate);
    }
}
