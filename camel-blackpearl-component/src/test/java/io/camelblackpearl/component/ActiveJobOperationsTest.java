package io.camelblackpearl.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.camelblackpearl.ds3.BlackPearlException;
import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.CompletedJob;
import io.camelblackpearl.ds3.model.JobStatus;
import io.camelblackpearl.ds3.model.MasterObjectList;
import io.camelblackpearl.ds3.model.Priority;
import io.camelblackpearl.simulator.Ds3Operation;
import io.camelblackpearl.simulator.RecordedRequest;
import io.camelblackpearl.simulator.SeedPlan;
import io.camelblackpearl.simulator.SimulatedJob;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/** Every operation over loopback: what the simulator recorded, what it now holds, what the route got. */
class ActiveJobOperationsTest extends BlackPearlTestSupport {

    private Exchange send(String uri, Map<String, Object> headers) {
        Exchange exchange = template.request(uri, e -> e.getMessage().setHeaders(new HashMap<>(headers)));
        if (exchange.getException() != null) {
            throw new CamelExecutionException("failed", exchange, exchange.getException());
        }
        return exchange;
    }

    @Test
    void modifyRaisesThePriorityWithTheModifyActiveJobPut() {
        SimulatedJob job = seedJob("archive-1", "LOW", Duration.ofHours(3));

        Exchange exchange = send("blackpearl:activeJob?priority=URGENT",
                Map.of(BlackPearlConstants.JOB_ID, job.id().toString()));

        RecordedRequest put = appliance().requests(Ds3Operation.MODIFY_ACTIVE_JOB).get(0);
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.rawPath()).isEqualTo("/_rest_/active_job/" + job.id());
        assertThat(put.rawQuery()).isEqualTo("priority=URGENT");
        assertThat(put.header("Content-Length").orElse("0")).as("a body-less PUT").isEqualTo("0");
        assertThat(put.header("Content-Type")).as("nothing to type, so an empty line is signed").isEmpty();
        assertThat(appliance().totalRequests()).isEqualTo(1);
        assertThat(current(job).priority()).isEqualTo("URGENT");

        MasterObjectList body = exchange.getMessage().getBody(MasterObjectList.class);
        assertThat(body.jobId()).isEqualTo(job.id());
        assertThat(body.priority()).isEqualTo(Priority.URGENT);
        assertThat(body.status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(exchange.getMessage().getHeaders()).containsEntry(BlackPearlConstants.JOB_ID, job.id().toString())
                .containsEntry(BlackPearlConstants.PRIORITY, "URGENT")
                .containsEntry(BlackPearlConstants.JOB_STATUS, "IN_PROGRESS")
                .containsEntry(BlackPearlConstants.HTTP_STATUS, 200);
        String requestId = exchange.getMessage().getHeader(BlackPearlConstants.REQUEST_ID, String.class);
        assertThat(requestId).as("the appliance's x-amz-request-id").isNotBlank();
        Exchange again = send("blackpearl:activeJob?priority=URGENT", Map.of(BlackPearlConstants.JOB_ID, job.id().toString()));
        assertThat(again.getMessage().getHeader(BlackPearlConstants.REQUEST_ID, String.class)).isNotBlank().isNotEqualTo(requestId);
    }

    @Test
    void headersOverrideOptionsAndEveryModifyParameterIsSent() {
        SimulatedJob job = seedJob("archive-2", "LOW", Duration.ofHours(1));
        Instant earlier = Instant.parse("2026-01-01T00:00:00.123Z");

        Exchange exchange = send("blackpearl:activeJob?priority=HIGH&jobId=ignored-by-header&createdAtFormat=EPOCH_MILLIS",
                Map.of(BlackPearlConstants.JOB_ID, job.id(),
                        BlackPearlConstants.PRIORITY, "normal",
                        BlackPearlConstants.JOB_NAME, "restore 1+1",
                        BlackPearlConstants.CREATED_AT, earlier,
                        BlackPearlConstants.DEAD_JOB_CLEANUP_ALLOWED, false,
                        BlackPearlConstants.PROTECTED, "TRUE"));

        RecordedRequest put = appliance().requests(Ds3Operation.MODIFY_ACTIVE_JOB).get(0);
        assertThat(put.rawQuery()).isEqualTo("created_at=" + earlier.toEpochMilli()
                + "&dead_job_cleanup_allowed=false&name=restore%201%2B1&priority=NORMAL&protected=true");
        SimulatedJob after = current(job);
        assertThat(after.priority()).isEqualTo("NORMAL");
        assertThat(after.name()).isEqualTo("restore 1+1");
        assertThat(after.createdAt()).isEqualTo(earlier);
        assertThat(after.deadJobCleanupAllowed()).isFalse();
        assertThat(after.protectedJob()).isTrue();
        assertThat(exchange.getMessage().getBody(MasterObjectList.class).startDate()).isEqualTo(earlier);
    }

    @Test
    void createdAtAcceptsEveryDocumentedTypeAndWritesEachFormat() {
        SimulatedJob job = seedJob("archive-3", "LOW", Duration.ofHours(1));
        Instant when = Instant.parse("2025-06-30T12:00:00Z");
        List<Object> values = List.of(when, Date.from(when), when.atOffset(ZoneOffset.ofHours(2)),
                when.atZone(ZoneId.of("Europe/Paris")), when.getEpochSecond(), when.toEpochMilli(),
                "2025-06-30T14:00:00+02:00", Long.toString(when.getEpochSecond()));
        for (Object value : values) {
            appliance().update(job.id(), j -> j.toBuilder().createdAt(Instant.EPOCH).build());
            send("blackpearl:activeJob", Map.of(BlackPearlConstants.JOB_ID, job.id().toString(), BlackPearlConstants.CREATED_AT, value));
            assertThat(current(job).createdAt()).as("createdAt from %s", value.getClass().getSimpleName()).isEqualTo(when);
        }
        assertThat(appliance().requests(Ds3Operation.MODIFY_ACTIVE_JOB)).allSatisfy(
                r -> assertThat(r.param("created_at")).hasValue("2025-06-30T12:00:00.000Z"));

        send("blackpearl:activeJob?createdAtFormat=EPOCH_SECONDS&createdAt=2025-06-30T12:00:00Z",
                Map.of(BlackPearlConstants.JOB_ID, job.id().toString()));
        List<RecordedRequest> puts = appliance().requests(Ds3Operation.MODIFY_ACTIVE_JOB);
        assertThat(puts.get(puts.size() - 1).param("created_at")).hasValue(Long.toString(when.getEpochSecond()));
    }

    @Test
    void modifyWithNoParametersIsLegal() {
        SimulatedJob job = seedJob("archive-4", "HIGH", Duration.ofHours(1));
        send("blackpearl:activeJob", Map.of(BlackPearlConstants.JOB_ID, job.id().toString()));
        assertThat(appliance().requests(Ds3Operation.MODIFY_ACTIVE_JOB).get(0).rawQuery()).isNull();
        assertThat(current(job).priority()).isEqualTo("HIGH");
    }

    @Test
    void getOnActiveJobReturnsTheActiveJob() {
        SimulatedJob job = seedJob("verify-5", "NORMAL", Duration.ofMinutes(5));
        Exchange exchange = send("blackpearl:activeJob?operation=get", Map.of(BlackPearlConstants.JOB_ID, job.id().toString()));
        ActiveJob body = exchange.getMessage().getBody(ActiveJob.class);
        assertThat(body.id()).isEqualTo(job.id());
        assertThat(body.name()).isEqualTo("verify-5");
        assertThat(body.priority()).isEqualTo(Priority.NORMAL);
        assertThat(body.createdAt()).isEqualTo(job.createdAt().truncatedTo(ChronoUnit.MILLIS));
        assertThat(exchange.getMessage().getHeader(BlackPearlConstants.PRIORITY)).isEqualTo("NORMAL");
        assertThat(appliance().requests().get(0).rawPath()).isEqualTo("/_rest_/active_job/" + job.id());
    }

    @Test
    void jobResourceGetsAndModifiesFinishedJobsThatActiveJobNoLongerKnows() {
        SimulatedJob job = seedJob("archive-6", "LOW", Duration.ofHours(2));
        appliance().complete(job.id());

        Exchange got = send("blackpearl:job?operation=get", Map.of(BlackPearlConstants.JOB_ID, job.id().toString()));
        assertThat(got.getMessage().getBody(MasterObjectList.class).status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(got.getMessage().getHeader(BlackPearlConstants.JOB_STATUS)).isEqualTo("COMPLETED");

        send("blackpearl:job?priority=HIGH", Map.of(BlackPearlConstants.JOB_ID, job.id().toString()));
        assertThat(appliance().requests(Ds3Operation.MODIFY_JOB).get(0).rawPath()).isEqualTo("/_rest_/job/" + job.id());
        assertThat(current(job).priority()).isEqualTo("HIGH");

        assertThatThrownBy(() -> send("blackpearl:activeJob?priority=URGENT", Map.of(BlackPearlConstants.JOB_ID, job.id().toString())))
                .hasCauseInstanceOf(BlackPearlException.class)
                .cause().satisfies(e -> assertThat(((BlackPearlException) e).isNotFound()).isTrue());
    }

    @Test
    void listReadsEveryPage() {
        appliance().putAll(SeedPlan.jobs(2345).seed(7).jobs());

        Exchange exchange = send("blackpearl:activeJob?operation=list&pageLength=1000", Map.of());

        List<?> jobs = exchange.getMessage().getBody(List.class);
        assertThat(jobs).hasSize(2345);
        assertThat(jobs.stream().map(j -> ((ActiveJob) j).id()).distinct().count()).isEqualTo(2345);
        List<Instant> created = jobs.stream().map(j -> ((ActiveJob) j).createdAt()).toList();
        assertThat(created).as("newest first").isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(exchange.getMessage().getHeader(BlackPearlConstants.TOTAL_RESULT_COUNT)).isEqualTo(2345L);
        assertThat(exchange.getMessage().getHeader(BlackPearlConstants.REQUEST_ID, String.class)).as("the last page's").isNotBlank();
        List<RecordedRequest> pages = appliance().requests(Ds3Operation.LIST_ACTIVE_JOBS);
        assertThat(pages).extracting(RecordedRequest::rawQuery).containsExactly(
                "page_length=1000&page_offset=0", "page_length=1000&page_offset=1000", "page_length=1000&page_offset=2000");
    }

    @Test
    void listFiltersAreSentAndApplied() {
        List<SimulatedJob> seeded = SeedPlan.jobs(300).seed(11).buckets("b1", "b2").users("u1", "u2").jobs();
        appliance().putAll(seeded);
        UUID bucket = SimulatedJob.nameUuid("b1");
        UUID user = SimulatedJob.nameUuid("u2");

        Exchange exchange = send("blackpearl:activeJob?operation=list&requestType=GET&bucketId=" + bucket + "&userId=" + user,
                Map.of(BlackPearlConstants.PRIORITY, "LOW"));

        long expected = seeded.stream().filter(j -> j.requestType().equals("GET") && j.bucketId().equals(bucket)
                && j.userId().equals(user) && j.priority().equals("LOW")).count();
        assertThat(expected).isPositive();
        assertThat(exchange.getMessage().getBody(List.class)).hasSize((int) expected);
        RecordedRequest request = appliance().requests(Ds3Operation.LIST_ACTIVE_JOBS).get(0);
        assertThat(request.query()).containsEntry("request_type", "GET").containsEntry("priority", "LOW")
                .containsEntry("bucket_id", bucket.toString()).containsEntry("user_id", user.toString());

        Exchange byName = send("blackpearl:activeJob?operation=list&name=" + seeded.get(0).name(), Map.of());
        assertThat(byName.getMessage().getBody(List.class)).extracting("id").containsExactly(seeded.get(0).id());
    }

    @Test
    void listOfCompletedJobsGivesEachWithItsDateAndTheApplianceDate() {
        SimulatedJob done = seedJob("restore-5", "HIGH", Duration.ofHours(1));
        seedJob("restore-6", "HIGH", Duration.ofHours(1));
        appliance().complete(done.id());

        Exchange exchange = send("blackpearl:completedJob?operation=list&requestType=PUT", Map.of());

        List<?> jobs = exchange.getMessage().getBody(List.class);
        assertThat(jobs).singleElement().satisfies(j -> {
            CompletedJob completed = (CompletedJob) j;
            assertThat(completed.id()).isEqualTo(done.id());
            assertThat(completed.finishedAt()).isNotNull();
        });
        assertThat(appliance().requests(Ds3Operation.LIST_COMPLETED_JOBS).get(0).query()).containsEntry("request_type", "PUT");
        Instant date = exchange.getMessage().getHeader(BlackPearlConstants.APPLIANCE_DATE, Instant.class);
        assertThat(date).as("the appliance's Date header").isCloseTo(Instant.now(), within(5, ChronoUnit.SECONDS));
        assertThatThrownBy(() -> send("blackpearl:completedJob?operation=cancel", Map.of()))
                .hasMessageContaining("blackpearl:completedJob has list");
    }

    @Test
    void cancelDeletesWithForceAndTheJobLeavesTheActiveList() {
        SimulatedJob job = seedJob("archive-7", "LOW", Duration.ofHours(2));
        Exchange exchange = send("blackpearl:activeJob?operation=cancel", Map.of(BlackPearlConstants.JOB_ID, job.id().toString()));

        RecordedRequest delete = appliance().requests(Ds3Operation.CANCEL_ACTIVE_JOB).get(0);
        assertThat(delete.method()).isEqualTo("DELETE");
        assertThat(delete.rawQuery()).isEqualTo("force");
        assertThat(exchange.getMessage().getBody()).isNull();
        assertThat(exchange.getMessage().getHeader(BlackPearlConstants.HTTP_STATUS)).isEqualTo(204);
        assertThat(current(job).status()).isEqualTo("CANCELED");
        assertThat(appliance().activeJobs()).isEmpty();
    }

    @Test
    void truncateDeletesWithoutForce() {
        SimulatedJob job = seedJob("archive-8", "LOW", Duration.ofHours(2));
        send("blackpearl:activeJob", Map.of(BlackPearlConstants.JOB_ID, job.id().toString(),
                BlackPearlConstants.OPERATION, "truncate"));

        RecordedRequest delete = appliance().requests(Ds3Operation.TRUNCATE_ACTIVE_JOB).get(0);
        assertThat(delete.method()).isEqualTo("DELETE");
        assertThat(delete.rawQuery()).isNull();
        assertThat(current(job).truncated()).isTrue();
        assertThat(appliance().count(Ds3Operation.CANCEL_ACTIVE_JOB)).isZero();
    }

    @Test
    void includeObjectsFalseSkipsTheChunks() {
        SimulatedJob job = seedJob("archive-9", "LOW", Duration.ofHours(2));
        appliance().update(job.id(), j -> j.toBuilder().objectCount(2500).build());

        MasterObjectList full = send("blackpearl:activeJob?priority=HIGH", Map.of(BlackPearlConstants.JOB_ID, job.id().toString()))
                .getMessage().getBody(MasterObjectList.class);
        MasterObjectList summary = send("blackpearl:activeJob?priority=HIGH&includeObjects=false",
                Map.of(BlackPearlConstants.JOB_ID, job.id().toString())).getMessage().getBody(MasterObjectList.class);

        assertThat(full.chunks()).hasSize(3);
        assertThat(full.chunks().stream().mapToInt(c -> c.objects().size()).sum()).isEqualTo(2500);
        assertThat(summary.chunks()).isEmpty();
        assertThat(summary.nodes()).isEqualTo(full.nodes()).hasSize(1);
        assertThat(summary.jobId()).isEqualTo(full.jobId());
        assertThat(summary.priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void aJobNameWorksAsTheId() {
        SimulatedJob job = seedJob("nightly restore", "LOW", Duration.ofHours(2));
        send("blackpearl:activeJob?priority=HIGH", Map.of(BlackPearlConstants.JOB_ID, "nightly restore"));
        assertThat(appliance().requests().get(0).rawPath()).isEqualTo("/_rest_/active_job/nightly%20restore");
        assertThat(current(job).priority()).isEqualTo("HIGH");
    }
}
