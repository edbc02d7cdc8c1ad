package io.camelblackpearl.ds3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.Ds3Error;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The paging rules, with pages read two at a time and one after the other, over an appliance's list that
 * is an in-memory list here (so that it can change between two page reads exactly when a test says).
 */
class JobPagesTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<ActiveJob> appliance = new CopyOnWriteArrayList<>();
    private final List<Long> offsetsAsked = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static ActiveJob job(int n) {
        return new ActiveJob(false, null, 0, null, 0, null, false, null, new UUID(0, n), false, false, false, "job-" + n, 0,
                null, false, null, false, null, null, false, false, null, false);
    }

    private void jobs(int count) {
        for (int i = 0; i < count; i++) {
            appliance.add(job(i));
        }
    }

    /** The page as an appliance answers it: the slice, the count and what is left after it. */
    private Ds3Response<List<ActiveJob>> page(long offset, int length) {
        offsetsAsked.add(offset);
        List<ActiveJob> all = new ArrayList<>(appliance);
        int from = (int) Math.min(offset, all.size());
        int to = Math.min(from + length, all.size());
        return new Ds3Response<>(200, List.copyOf(all.subList(from, to)),
                Map.of("total-result-count", Integer.toString(all.size()), "page-truncated", Integer.toString(all.size() - to)));
    }

    @Test
    void readsEveryPageOnceInOrderWithAndWithoutReadingAhead() {
        jobs(10_250);
        for (ExecutorService pages : new ExecutorService[] {executor, null}) {
            offsetsAsked.clear();
            JobListing<ActiveJob> listing = JobPages.readAll(this::page, 1000, pages);
            assertThat(listing.jobs()).containsExactlyElementsOf(appliance);
            assertThat(listing.pages()).isEqualTo(11);
            assertThat(listing.totalResultCount()).isEqualTo(10_250);
            assertThat(offsetsAsked).containsExactlyInAnyOrder(0L, 1000L, 2000L, 3000L, 4000L, 5000L, 6000L, 7000L, 8000L,
                    9000L, 10_000L);
        }
    }

    @Test
    void aListThatGrowsWhileItIsReadIsReadToItsNewEnd() {
        jobs(3000);
        JobListing<ActiveJob> listing = JobPages.readAll((offset, length) -> {
            if (offset == 2000 && appliance.size() == 3000) {
                for (int i = 3000; i < 3500; i++) {
                    appliance.add(job(i));
                }
            }
            return page(offset, length);
        }, 1000, executor);
        assertThat(listing.jobs()).hasSize(3500).containsExactlyElementsOf(appliance);
    }

    @Test
    void aShortPageMeansTheListShrankAndTheRestIsReadFromWhereItEnded() {
        jobs(5000);
        List<ActiveJob> before = List.copyOf(appliance);
        JobListing<ActiveJob> listing = JobPages.readAll((offset, length) -> {
            if (offset == 3000) {
                synchronized (appliance) {
                    if (appliance.size() == 5000) {
                        appliance.subList(0, 1500).clear(); // 1,500 jobs ended while the pages were read
                    }
                }
            }
            return page(offset, length);
        }, 1000, executor);
        assertThat(listing.jobs()).doesNotHaveDuplicates();
        assertThat(before).containsAll(listing.jobs());
        assertThat(offsetsAsked).as("after the short page at 3000, the next read starts where it ended").contains(3500L);
    }

    @Test
    void aPageThatFailsFailsTheListingAsItFailed() {
        jobs(8000);
        BlackPearlException failure = new BlackPearlException("GET", "/_rest_/active_job", 500,
                new Ds3Error("InternalError", 500, "page 4 failed", null, null), null, false);
        assertThatThrownBy(() -> JobPages.readAll((offset, length) -> {
            if (offset == 4000) {
                throw failure;
            }
            return page(offset, length);
        }, 1000, executor)).isSameAs(failure);
    }
}
