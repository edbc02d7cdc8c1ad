package io.camelblackpearl.ds3;

import io.camelblackpearl.ds3.model.Ds3Job;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads every page of a job list. The first page says how many jobs there are ({@code Total-Result-Count});
 * given an executor, the pages that count announces are then requested two at a time, so the appliance
 * writes one page while this side parses another, and are put together in order. Then, as without an
 * executor, pages are read one after the other until the count is reached (it may have grown meanwhile), a
 * page comes back empty, or (without a count) {@code Page-Truncated} says none is left or a page is short.
 * A job that moves between pages while they are read is kept once.
 */
final class JobPages {

    private JobPages() {
    }

    static <T extends Ds3Job> JobListing<T> readAll(Ds3Client.PageReader<T> reader, int pageLength, ExecutorService executor) {
        Map<UUID, T> jobs = new LinkedHashMap<>();
        int pages = 0;
        int attempts = 0;
        long offset = 0;
        Ds3Response<List<T>> page = reader.read(0, pageLength);
        Instant applianceDate = page.date().orElse(null);
        while (true) {
            pages++;
            attempts += page.attempts();
            long total = page.longHeader("Total-Result-Count").orElse(-1L);
            for (T job : page.body()) {
                jobs.putIfAbsent(job.id(), job);
            }
            offset += page.body().size();
            boolean lastByCount = total >= 0 && offset >= total;
            boolean lastByTruncation = page.longHeader("Page-Truncated").map(left -> left == 0).orElse(false);
            if (page.body().isEmpty() || lastByCount || (total < 0 && lastByTruncation)
                    || (total < 0 && page.body().size() < pageLength)) {
                return new JobListing<>(List.copyOf(jobs.values()), total >= 0 ? total : jobs.size(), pages, attempts,
                        page.requestId(), applianceDate);
            }
            if (executor != null && pages == 1 && total > offset + pageLength) {
                // The pages between this one and the last announced one, two in flight; the last is read below.
                List<Future<Ds3Response<List<T>>>> ahead = new ArrayList<>();
                for (long next = offset; next + pageLength < total; next += pageLength) {
                    long from = next;
                    ahead.add(executor.submit(() -> reader.read(from, pageLength)));
                }
                for (int i = 0; i < ahead.size(); i++) {
                    Ds3Response<List<T>> read = await(ahead, i);
                    pages++;
                    attempts += read.attempts();
                    for (T job : read.body()) {
                        jobs.putIfAbsent(job.id(), job);
                    }
                    offset += read.body().size();
                    if (read.body().size() < pageLength) {
                        ahead.subList(i + 1, ahead.size()).forEach(f -> f.cancel(true));
                        break;
                    }
                }
            }
            page = reader.read(offset, pageLength);
        }
    }

    /** The i-th page read ahead; on a failure the others are cancelled and the failure thrown as the read threw it. */
    private static <T> Ds3Response<List<T>> await(List<Future<Ds3Response<List<T>>>> ahead, int i) {
        try {
            return ahead.get(i).get();
        } catch (ExecutionException e) {
            ahead.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            ahead.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new BlackPearlTransportException("GET", "a job list page", e);
        }
    }
}
