package io.camelblackpearl.simulator.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WorkModelTest {

    private static final long GB = WorkSettings.GB;
    /** 1 GB/s drives and 10 GB chunks: a chunk takes 10 s on a drive. */
    private static final WorkSettings SMALL = new WorkSettings(2, GB, 10 * GB, 100 * GB, 0.15);

    private static UUID id(int n) {
        return new UUID(0, n);
    }

    @Test
    void aJobAloneUsesEveryDriveAndCompletesWithItsLastChunk() {
        WorkModel model = new WorkModel(SMALL, Arrivals.NONE, 0);
        model.add(id(1), "archive-1", "PUT", 30 * GB, "LOW", 0, 0);
        WorkModel.Job job = model.job(id(1));
        assertThat(job.cachedSizeInBytes()).as("PUT: the client's data is in cache once its chunks are allocated").isEqualTo(30 * GB);
        assertThat(job.completedSizeInBytes()).isZero();
        model.advanceTo(10_000);
        assertThat(job.completedSizeInBytes()).as("two drives, two chunks in the first 10 s").isEqualTo(20 * GB);
        assertThat(job.active()).isTrue();
        model.advanceTo(20_000);
        assertThat(job.active()).isFalse();
        assertThat(job.completedAt()).isEqualTo(20_000);
        assertThat(SMALL.secondsAlone(30 * GB)).isEqualTo(20.0);
    }

    @Test
    void aRestoreIsCachedAsItsChunksAreReadFromTape() {
        WorkModel model = new WorkModel(SMALL.withDrives(1), Arrivals.NONE, 0);
        model.add(id(1), "restore-1", "GET", 25 * GB, "HIGH", 0, 0);
        WorkModel.Job job = model.job(id(1));
        assertThat(job.cachedSizeInBytes()).isZero();
        model.advanceTo(10_000);
        assertThat(job.cachedSizeInBytes()).isEqualTo(10 * GB);
        assertThat(job.completedSizeInBytes()).isEqualTo(10 * GB);
        model.advanceTo(25_000);
        assertThat(job.completedAt()).as("the last 5 GB chunk takes 5 s").isEqualTo(25_000);
    }

    @Test
    void raisingAJobMakesItFinishSoonerAndTheOthersLater() {
        Map<String, Long> before = finishTimes(null);
        Map<String, Long> after = finishTimes("young");
        assertThat(after.get("young")).isLessThan(before.get("young"));
        assertThat(after.get("old")).isGreaterThan(before.get("old"));
        assertThat(before.get("old")).as("within a priority the oldest goes first").isLessThan(before.get("young"));
    }

    private static Map<String, Long> finishTimes(String raise) {
        WorkModel model = new WorkModel(SMALL.withDrives(1), Arrivals.NONE, 0);
        model.add(id(1), "old", "PUT", 50 * GB, "NORMAL", 0, 0);
        model.add(id(2), "young", "PUT", 50 * GB, "NORMAL", 1, 0);
        model.advanceTo(5_000);
        if (raise != null) {
            model.priority(id(2), "URGENT");
        }
        model.runUntilIdle(Long.MAX_VALUE);
        Map<String, Long> done = new HashMap<>();
        for (WorkModel.Job job : model.allJobs()) {
            done.put(job.name(), job.completedAt());
        }
        return done;
    }

    @Test
    void underContentionPriorityCapsTheChunksAJobHoldsAndPartOfTheCacheIsKeptForUrgent() {
        // 20 chunk places, 3 kept for URGENT; 1 drive so that chunks pile up in cache
        WorkSettings settings = new WorkSettings(1, GB, 10 * GB, 200 * GB, 0.15);
        WorkModel model = new WorkModel(settings, Arrivals.NONE, 0);
        model.add(id(3), "high", "PUT", 500 * GB, "HIGH", 2, 0);
        model.add(id(2), "normal", "PUT", 500 * GB, "NORMAL", 1, 0);
        model.add(id(1), "low", "VERIFY", 500 * GB, "LOW", 0, 0);
        assertThat(model.job(id(3)).cachedSizeInBytes()).as("HIGH: max(16, 3 x drives) chunks").isEqualTo(160 * GB);
        assertThat(model.job(id(2)).cachedSizeInBytes()).as("NORMAL gets what is left of the 17 shared places").isEqualTo(10 * GB);
        assertThat(model.job(id(1)).completedSizeInBytes()).isZero();
        model.add(id(4), "urgent", "PUT", 500 * GB, "URGENT", 3, 0);
        assertThat(model.job(id(4)).cachedSizeInBytes()).as("the 3 places kept for URGENT").isEqualTo(30 * GB);
        model.advanceTo(10_000);
        assertThat(model.job(id(3)).completedSizeInBytes()).as("the first chunk went to the drive before URGENT came").isEqualTo(10 * GB);
        model.advanceTo(20_000);
        assertThat(model.job(id(4)).completedSizeInBytes()).as("then URGENT goes first").isEqualTo(10 * GB);
    }

    @Test
    void withoutContentionEveryJobProgresses() {
        WorkModel model = new WorkModel(new WorkSettings(4, GB, 10 * GB, 1000 * GB, 0.15), Arrivals.NONE, 0);
        model.add(id(1), "a", "PUT", 10 * GB, "LOW", 0, 0);
        model.add(id(2), "b", "PUT", 10 * GB, "NORMAL", 0, 0);
        model.add(id(3), "c", "GET", 10 * GB, "HIGH", 0, 0);
        model.advanceTo(10_000);
        assertThat(model.activeJobs()).isEmpty();
    }

    @Test
    void theSameSeedGivesTheSameHistoryAndACopyContinuesExactlyAsTheOriginal() {
        WorkModel first = loaded(7);
        WorkModel second = loaded(7);
        first.advanceTo(3_600_000);
        second.advanceTo(3_600_000);
        WorkModel copy = first.copy();
        first.advanceTo(86_400_000);
        second.advanceTo(86_400_000);
        copy.advanceTo(86_400_000);
        assertThat(history(first)).isEqualTo(history(second)).isEqualTo(history(copy)).isNotEmpty();
        assertThat(history(loaded(8).copy())).isNotEqualTo(history(first));
    }

    private static WorkModel loaded(long seed) {
        WorkSettings settings = WorkSettings.DEFAULTS;
        return new WorkModel(settings, new LoadArrivals(settings, 0.9, 0.3, seed, 0, 86_400_000), 0);
    }

    private static List<String> history(WorkModel model) {
        List<String> out = new ArrayList<>();
        model.allJobs().stream().sorted(Comparator.comparing(WorkModel.Job::id))
                .forEach(j -> out.add(j.name() + "@" + j.createdAt() + "->" + j.completedAt() + ":" + j.completedSizeInBytes()));
        return out;
    }

    @Test
    void generatedWorkOffersTheLoadAskedFor() {
        WorkSettings settings = WorkSettings.DEFAULTS;
        long days = 30;
        long horizon = days * 86_400_000L;
        LoadArrivals arrivals = new LoadArrivals(settings, 0.9, 0.3, 1, 0, horizon);
        double bytes = 0;
        int jobs = 0;
        int withDeadline = 0;
        while (arrivals.nextAt() != Long.MAX_VALUE) {
            Arrival a = arrivals.take();
            bytes += a.sizeInBytes();
            jobs++;
            withDeadline += a.name().contains(" due=") ? 1 : 0;
        }
        double offered = bytes / (settings.applianceRate() * (horizon / 1000.0));
        assertThat(offered).isBetween(0.8, 1.0);
        assertThat(withDeadline / (double) jobs).isBetween(0.27, 0.33);
    }
}
