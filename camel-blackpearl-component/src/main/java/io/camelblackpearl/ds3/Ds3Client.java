package io.camelblackpearl.ds3;

import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.CanceledJob;
import io.camelblackpearl.ds3.model.CompletedJob;
import io.camelblackpearl.ds3.model.Ds3Job;
import io.camelblackpearl.ds3.model.MasterObjectList;
import java.util.List;

/**
 * The DS3 calls this project makes. Every method either returns the appliance's successful answer or
 * throws a {@link BlackPearlException}. {@code jobId} is a job UUID (or name); it is validated and
 * percent-encoded before anything is sent.
 */
public interface Ds3Client extends AutoCloseable {

    /** {@code PUT /_rest_/active_job/{id}}; with {@code includeObjects=false} the chunks are skipped, not read. */
    Ds3Response<MasterObjectList> modifyActiveJob(String jobId, JobModification modification, boolean includeObjects);

    /** {@code PUT /_rest_/job/{id}}: the same change on a job in any state. */
    Ds3Response<MasterObjectList> modifyJob(String jobId, JobModification modification, boolean includeObjects);

    /** {@code GET /_rest_/job/{id}}, also for finished jobs. */
    Ds3Response<MasterObjectList> getJob(String jobId, boolean includeObjects);

    /** {@code GET /_rest_/active_job/{id}}; 404 once the job is no longer active. */
    Ds3Response<ActiveJob> getActiveJob(String jobId);

    /** One page of {@code GET /_rest_/active_job}, {@code pageLength} jobs from item {@code pageOffset}. */
    Ds3Response<List<ActiveJob>> listActiveJobsPage(JobListFilter filter, long pageOffset, int pageLength);

    /** {@code DELETE /_rest_/active_job/{id}?force}: cancel the job. */
    Ds3Response<Void> cancelActiveJob(String jobId);

    /** {@code DELETE /_rest_/active_job/{id}} without force: truncate the job. */
    Ds3Response<Void> truncateActiveJob(String jobId);

    /** One page of {@code GET /_rest_/completed_job}, newest or oldest first as the appliance keeps them. */
    Ds3Response<List<CompletedJob>> listCompletedJobsPage(JobListFilter filter, long pageOffset, int pageLength);

    /** One page of {@code GET /_rest_/canceled_job}. */
    Ds3Response<List<CanceledJob>> listCanceledJobsPage(JobListFilter filter, long pageOffset, int pageLength);

    /** {@code GET /_rest_/completed_job/{id}}; 404 when the job did not complete (or its record is gone). */
    Ds3Response<CompletedJob> getCompletedJob(String jobId);

    /** {@code GET /_rest_/canceled_job/{id}}; 404 when the job was not canceled (or its record is gone). */
    Ds3Response<CanceledJob> getCanceledJob(String jobId);

    /**
     * Every active job, reading pages of {@code pageLength} until {@code Total-Result-Count} jobs were
     * read or a page comes back empty. A job that moves between pages while they are read is kept once.
     */
    default JobListing<ActiveJob> listActiveJobs(JobListFilter filter, int pageLength) {
        return readAllPages((offset, length) -> listActiveJobsPage(filter, offset, length), pageLength);
    }

    /** Every completed job the appliance still reports, all pages, each once. */
    default JobListing<CompletedJob> listCompletedJobs(JobListFilter filter, int pageLength) {
        return readAllPages((offset, length) -> listCompletedJobsPage(filter, offset, length), pageLength);
    }

    /** Every canceled job the appliance still reports, all pages, each once. */
    default JobListing<CanceledJob> listCanceledJobs(JobListFilter filter, int pageLength) {
        return readAllPages((offset, length) -> listCanceledJobsPage(filter, offset, length), pageLength);
    }

    /** Reads one page of a job list. */
    @FunctionalInterface
    interface PageReader<T extends Ds3Job> {
        Ds3Response<List<T>> read(long pageOffset, int pageLength);
    }

    /** Every page read one after the other; see {@link JobPages#readAll}. */
    static <T extends Ds3Job> JobListing<T> readAllPages(PageReader<T> reader, int pageLength) {
        return JobPages.readAll(reader, pageLength, null);
    }

    /** Releases the connections; a client built from settings owns them. */
    @Override
    void close();

    /**
     * This client with another retry policy, sharing its connections; e.g. {@link RetryPolicy#NONE} for a
     * check that must report what one attempt got. A client without retries of its own returns itself.
     */
    default Ds3Client withRetry(RetryPolicy retry) {
        return this;
    }
}
