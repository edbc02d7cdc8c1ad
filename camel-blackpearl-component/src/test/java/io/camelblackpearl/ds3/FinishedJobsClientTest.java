package io.camelblackpearl.ds3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelblackpearl.ds3.model.CanceledJob;
import io.camelblackpearl.ds3.model.CompletedJob;
import io.camelblackpearl.ds3.model.JobRequestType;
import io.camelblackpearl.ds3.model.Priority;
import io.camelblackpearl.simulator.BlackPearlSimulatorExtension;
import io.camelblackpearl.simulator.SeedPlan;
import io.camelblackpearl.simulator.SimulatedJob;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Completed and canceled jobs read by the client from the simulator over loopback, every page, each once. */
class FinishedJobsClientTest {

    @RegisterExtension
    static final BlackPearlSimulatorExtension SIM = BlackPearlSimulatorExtension.withJobs(SeedPlan.jobs(60).seed(11));

    private HttpDs3Client client;

    @BeforeEach
    void connect() {
        client = new HttpDs3Client(Ds3ClientSettings.of(SIM.endpoint(),
                new Ds3Credentials(SIM.accessKey(), SIM.secretKey())));
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void listsEveryCompletedAndCanceledJobOverSeveralPages() {
        List<SimulatedJob> jobs = SIM.appliance().activeJobs();
        for (int i = 0; i < jobs.size(); i++) {
            if (i % 3 == 0) {
                SIM.appliance().cancel(jobs.get(i).id());
            } else if (i % 3 == 1) {
                SIM.appliance().complete(jobs.get(i).id());
            }
        }
        JobListing<CompletedJob> completed = client.listCompletedJobs(JobListFilter.ALL, 7);
        JobListing<CanceledJob> canceled = client.listCanceledJobs(JobListFilter.ALL, 7);
        assertThat(completed.jobs()).hasSize(20);
        assertThat(completed.pages()).isEqualTo(3);
        assertThat(canceled.jobs()).hasSize(20).allSatisfy(job -> {
            assertThat(job.dateCanceled()).isNotNull();
            assertThat(job.finishedAt()).isEqualTo(job.dateCanceled());
            assertThat(job.canceledDueToTimeout()).isFalse();
        });
        SimulatedJob first = jobs.get(1);
        CompletedJob read = completed.jobs().stream().filter(j -> j.id().equals(first.id())).findFirst().orElseThrow();
        assertThat(read.name()).isEqualTo(first.name());
        assertThat(read.priority()).isEqualTo(Priority.valueOf(first.priority()));
        assertThat(read.requestType()).isEqualTo(JobRequestType.valueOf(first.requestType()));
        assertThat(read.createdAt()).isEqualTo(first.createdAt().truncatedTo(ChronoUnit.MILLIS));
        assertThat(read.bucketId()).isEqualTo(first.bucketId());
        assertThat(read.completedSizeInBytes()).isEqualTo(read.originalSizeInBytes());
        assertThat(read.dateCompleted()).isNotNull();

        JobListing<CompletedJob> restores = client.listCompletedJobs(
                new JobListFilter(JobRequestType.GET, null, null, null, null), 1000);
        assertThat(restores.jobs()).isNotEmpty().allSatisfy(job -> assertThat(job.requestType()).isEqualTo(JobRequestType.GET));

        assertThat(client.getCompletedJob(first.id().toString()).body().id()).isEqualTo(first.id());
        assertThat(client.getCanceledJob(jobs.get(0).id().toString()).body().id()).isEqualTo(jobs.get(0).id());
        assertThatThrownBy(() -> client.getCanceledJob(first.id().toString()))
                .isInstanceOfSatisfying(BlackPearlException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(404));
    }

    @Test
    void readsFinishedJobsWithUnknownElementsAndEmptyValues() throws Exception {
        String xml = """
                <Data><CompletedJob><Id>6a5c6c1e-3a30-4bd2-9a6a-1f35c6e0d001</Id><Name>restore-00207</Name>
                <Priority>URGENT</Priority><RequestType>GET</RequestType><CreatedAt>2026-11-01T08:00:00.000Z</CreatedAt>
                <DateCompleted>2026-11-04T07:00:00Z</DateCompleted><ErrorMessage/><Rechunked/><FutureField>x</FutureField>
                <Truncated>false</Truncated></CompletedJob><Unexpected/></Data>""";
        List<CompletedJob> jobs = Ds3Xml.readCompletedJobs(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(jobs).singleElement().satisfies(job -> {
            assertThat(job.id()).isEqualTo(UUID.fromString("6a5c6c1e-3a30-4bd2-9a6a-1f35c6e0d001"));
            assertThat(job.priority()).isEqualTo(Priority.URGENT);
            assertThat(job.dateCompleted()).isEqualTo(Instant.parse("2026-11-04T07:00:00Z"));
            assertThat(job.errorMessage()).isNull();
            assertThat(job.rechunked()).isNull();
        });
        String canceled = "<Data><CanceledJob><Id>6a5c6c1e-3a30-4bd2-9a6a-1f35c6e0d002</Id><CanceledDueToTimeout>true"
                + "</CanceledDueToTimeout><DateCanceled>2026-11-04T07:00:00.000Z</DateCanceled></CanceledJob></Data>";
        assertThat(Ds3Xml.readCanceledJobs(new ByteArrayInputStream(canceled.getBytes(StandardCharsets.UTF_8))))
                .singleElement().satisfies(job -> assertThat(job.canceledDueToTimeout()).isTrue());
        assertThatThrownBy(() -> Ds3Xml.readCompletedJobs(new ByteArrayInputStream(
                "<Data><CompletedJob><DateCompleted>yesterday</DateCompleted></CompletedJob></Data>".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("DateCompleted");
        assertThatThrownBy(() -> Ds3Xml.readCompletedJobs(new ByteArrayInputStream(
                "<Data><CompletedJob><Name><b>x</b></Name></CompletedJob></Data>".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("element Name holds an element <b>, not a value");
    }
}
