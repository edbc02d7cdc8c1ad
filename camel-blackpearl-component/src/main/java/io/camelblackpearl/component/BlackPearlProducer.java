package io.camelblackpearl.component;

import io.camelblackpearl.ds3.BlackPearlException;
import io.camelblackpearl.ds3.Ds3Client;
import io.camelblackpearl.ds3.Ds3Response;
import io.camelblackpearl.ds3.JobListFilter;
import io.camelblackpearl.ds3.JobListing;
import io.camelblackpearl.ds3.JobModification;
import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.Ds3Job;
import io.camelblackpearl.ds3.model.MasterObjectList;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Performs one DS3 call per message: reads and validates the inputs (nothing is sent when one is bad),
 * calls the {@link Ds3Client} and puts the typed answer in the body and its facts in headers. Failures
 * propagate as {@link io.camelblackpearl.ds3.BlackPearlException}.
 */
public class BlackPearlProducer extends DefaultProducer {

    public BlackPearlProducer(BlackPearlEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public BlackPearlEndpoint getEndpoint() {
        return (BlackPearlEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) {
        BlackPearlConfiguration options = getEndpoint().getConfiguration();
        BlackPearlResource resource = getEndpoint().getResource();
        ExchangeInputs inputs = new ExchangeInputs(exchange, options);
        BlackPearlOperation operation = inputs.operation(resource);
        Ds3Client client = getEndpoint().getClient();
        try {
            perform(exchange, inputs, operation, client, getEndpoint());
        } catch (BlackPearlException e) {
            exchange.getMessage().setHeader(BlackPearlConstants.ATTEMPTS, e.getAttempts());
            exchange.getMessage().setHeader(BlackPearlConstants.REQUEST_ID, e.getRequestId());
            throw e;
        }
    }

    private static void perform(Exchange exchange, ExchangeInputs inputs, BlackPearlOperation operation, Ds3Client client,
                                BlackPearlEndpoint endpoint) {
        BlackPearlResource resource = endpoint.getResource();
        BlackPearlConfiguration options = endpoint.getConfiguration();
        switch (operation) {
            case modify -> modify(exchange, inputs, client, resource, options);
            case get -> get(exchange, inputs, client, resource, options);
            case list -> list(exchange, inputs, client, options, endpoint);
            case cancel -> {
                String jobId = inputs.jobId();
                delete(exchange, jobId, client.cancelActiveJob(jobId));
            }
            case truncate -> {
                String jobId = inputs.jobId();
                delete(exchange, jobId, client.truncateActiveJob(jobId));
            }
        }
    }

    private static void modify(Exchange exchange, ExchangeInputs inputs, Ds3Client client, BlackPearlResource resource,
                               BlackPearlConfiguration options) {
        String jobId = inputs.jobId();
        JobModification modification = new JobModification(inputs.priority(true), inputs.name(), inputs.createdAt(),
                options.getCreatedAtFormat(), inputs.deadJobCleanupAllowed(), inputs.protectedJob());
        Ds3Response<MasterObjectList> response = resource == BlackPearlResource.activeJob
                ? client.modifyActiveJob(jobId, modification, options.isIncludeObjects())
                : client.modifyJob(jobId, modification, options.isIncludeObjects());
        masterObjectList(exchange, jobId, response);
    }

    private static void get(Exchange exchange, ExchangeInputs inputs, Ds3Client client, BlackPearlResource resource,
                            BlackPearlConfiguration options) {
        String jobId = inputs.jobId();
        if (resource == BlackPearlResource.job) {
            masterObjectList(exchange, jobId, client.getJob(jobId, options.isIncludeObjects()));
            return;
        }
        Ds3Response<ActiveJob> response = client.getActiveJob(jobId);
        ActiveJob job = response.body();
        Message out = exchange.getMessage();
        out.setBody(job);
        out.setHeader(BlackPearlConstants.JOB_ID, job.id() != null ? job.id().toString() : jobId);
        out.setHeader(BlackPearlConstants.PRIORITY, job.priority() == null ? null : job.priority().name());
        out.setHeader(BlackPearlConstants.HTTP_STATUS, response.status());
        out.setHeader(BlackPearlConstants.ATTEMPTS, response.attempts());
        out.setHeader(BlackPearlConstants.REQUEST_ID, response.requestId());
    }

    private static void list(Exchange exchange, ExchangeInputs inputs, Ds3Client client, BlackPearlConfiguration options,
                             BlackPearlEndpoint endpoint) {
        JobListFilter filter = endpoint.listFilter(inputs.priority(false), inputs.name());
        JobListing<? extends Ds3Job> listing = endpoint.getResource() == BlackPearlResource.completedJob
                ? client.listCompletedJobs(filter, options.getPageLength())
                : client.listActiveJobs(filter, options.getPageLength());
        Message out = exchange.getMessage();
        out.setBody(listing.jobs());
        out.setHeader(BlackPearlConstants.TOTAL_RESULT_COUNT, listing.totalResultCount());
        out.setHeader(BlackPearlConstants.HTTP_STATUS, 200);
        out.setHeader(BlackPearlConstants.ATTEMPTS, listing.attempts());
        out.setHeader(BlackPearlConstants.REQUEST_ID, listing.requestId());
        if (listing.applianceDate() != null) {
            out.setHeader(BlackPearlConstants.APPLIANCE_DATE, listing.applianceDate());
        }
    }

    private static void delete(Exchange exchange, String jobId, Ds3Response<Void> response) {
        Message out = exchange.getMessage();
        out.setBody(null);
        out.setHeader(BlackPearlConstants.JOB_ID, jobId);
        out.setHeader(BlackPearlConstants.HTTP_STATUS, response.status());
        out.setHeader(BlackPearlConstants.ATTEMPTS, response.attempts());
        out.setHeader(BlackPearlConstants.REQUEST_ID, response.requestId());
    }

    private static void masterObjectList(Exchange exchange, String jobId, Ds3Response<MasterObjectList> response) {
        MasterObjectList mol = response.body();
        Message out = exchange.getMessage();
        out.setBody(mol);
        out.setHeader(BlackPearlConstants.JOB_ID, mol.jobId() != null ? mol.jobId().toString() : jobId);
        out.setHeader(BlackPearlConstants.PRIORITY, mol.priority() == null ? null : mol.priority().name());
        out.setHeader(BlackPearlConstants.JOB_STATUS, mol.status() == null ? null : mol.status().name());
        out.setHeader(BlackPearlConstants.HTTP_STATUS, response.status());
        out.setHeader(BlackPearlConstants.ATTEMPTS, response.attempts());
        out.setHeader(BlackPearlConstants.REQUEST_ID, response.requestId());
    }
}
