package io.camelblackpearl.ds3;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.Ds3Error;
import io.camelblackpearl.ds3.model.JobRequestType;
import io.camelblackpearl.ds3.model.JobStatus;
import io.camelblackpearl.ds3.model.MasterObjectList;
import io.camelblackpearl.ds3.model.Priority;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The DS3 documents of docs/ds3-protocol.md §2 read into the model, unknown parts ignored. */
class Ds3XmlTest {

    private static InputStream fixture(String name) {
        return Ds3XmlTest.class.getResourceAsStream("/ds3/" + name);
    }

    @Test
    void readsAMasterObjectListWithAttributesNodesAndUnwrappedChunks() throws IOException {
        MasterObjectList mol = Ds3Xml.readMasterObjectList(fixture("master-object-list.xml"));
        assertThat(mol.jobId()).isEqualTo(UUID.fromString("1a85e743-ec8f-4789-afec-97e587a26936"));
        assertThat(mol.priority()).isEqualTo(Priority.HIGH);
        assertThat(mol.requestType()).isEqualTo(JobRequestType.GET);
        assertThat(mol.status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(mol.startDate()).isEqualTo(Instant.parse("2016-12-01T18:51:09Z"));
        assertThat(mol.name()).isEqualTo("restore-00042");
        assertThat(mol.userName()).isEqualTo("alice");
        assertThat(mol.originalSizeInBytes()).isEqualTo(4096L);
        assertThat(mol.chunkClientProcessingOrderGuarantee()).isEqualTo("IN_ORDER");
        assertThat(mol.nodes()).hasSize(2);
        assertThat(mol.nodes().get(0).httpsPort()).isEqualTo(443);
        assertThat(mol.nodes().get(1).httpPort()).isNull();
        assertThat(mol.chunks()).hasSize(2);
        assertThat(mol.chunks().get(0).objects()).hasSize(2);
        assertThat(mol.chunks().get(0).objects().get(0).versionId())
                .isEqualTo(UUID.fromString("0f000000-0000-4000-8000-000000000001"));
        assertThat(mol.chunks().get(0).objects().get(1).bucket()).isEqualTo("archive-media");
        assertThat(mol.chunks().get(1).nodeId()).isNull();
        assertThat(mol.chunks().get(1).objects().get(0).latest()).isFalse();
    }

    @Test
    void summaryReadsTheSameAttributesAndNodesButNoChunks() throws IOException {
        MasterObjectList full = Ds3Xml.readMasterObjectList(fixture("master-object-list.xml"));
        MasterObjectList summary = Ds3Xml.readMasterObjectListSummary(fixture("master-object-list.xml"));
        assertThat(summary.chunks()).isEmpty();
        assertThat(summary).isEqualTo(new MasterObjectList(
                full.aggregating(), full.bucketName(), full.cachedSizeInBytes(), full.chunkClientProcessingOrderGuarantee(),
                full.completedSizeInBytes(), full.entirelyInCache(), full.jobId(), full.naked(), full.name(),
                full.originalSizeInBytes(), full.priority(), full.requestType(), full.startDate(), full.status(),
                full.userId(), full.userName(), full.nodes(), List.of()));
    }

    @Test
    void readsAMasterObjectListWithNoChildren() throws IOException {
        MasterObjectList mol = Ds3Xml.readMasterObjectList(fixture("master-object-list-bare.xml"));
        assertThat(mol.priority()).isEqualTo(Priority.URGENT);
        assertThat(mol.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(mol.nodes()).isEmpty();
        assertThat(mol.chunks()).isEmpty();
        assertThat(Ds3Xml.readMasterObjectListSummary(fixture("master-object-list-bare.xml"))).isEqualTo(mol);
    }

    @Test
    void readsASingleActiveJobWhoseFieldsSitUnderData() throws IOException {
        ActiveJob job = Ds3Xml.readActiveJob(fixture("active-job.xml"));
        assertThat(job.id()).isEqualTo(UUID.fromString("1a85e743-ec8f-4789-afec-97e587a26936"));
        assertThat(job.name()).isEqualTo("archive-00001");
        assertThat(job.priority()).isEqualTo(Priority.LOW);
        assertThat(job.requestType()).isEqualTo(JobRequestType.PUT);
        assertThat(job.createdAt()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
        assertThat(job.originalSizeInBytes()).isEqualTo(123_456_789L);
        assertThat(job.deadJobCleanupAllowed()).isTrue();
        assertThat(job.protectedJob()).as("booleans in any case").isTrue();
        assertThat(job.errorMessage()).as("empty element").isNull();
        assertThat(job.rechunked()).as("empty date element").isNull();
        assertThat(job.bucketId()).isEqualTo(UUID.fromString("8f9e6a3c-2b1d-4c5e-9f8a-7b6c5d4e3f2a"));
    }

    @Test
    void readsAListOfActiveJobsAndMapsUnknownEnumValuesToNull() throws IOException {
        List<ActiveJob> jobs = Ds3Xml.readActiveJobs(fixture("active-jobs.xml"));
        assertThat(jobs).extracting(ActiveJob::name).containsExactly("restore-2", "verify-1");
        assertThat(jobs.get(0).priority()).isEqualTo(Priority.NORMAL);
        assertThat(jobs.get(1).priority()).isNull();
    }

    @Test
    void readsAnEmptyList() throws IOException {
        assertThat(Ds3Xml.readActiveJobs(fixture("active-jobs-empty.xml"))).isEmpty();
    }

    @Test
    void readsTheErrorDocument() throws IOException {
        Ds3Error error = Ds3Xml.readError(fixture("error-not-found.xml").readAllBytes());
        assertThat(error.code()).isEqualTo("NotFound");
        assertThat(error.httpErrorCode()).isEqualTo(404);
        assertThat(error.message()).contains("does not exist");
        assertThat(error.resource()).isEqualTo("/_rest_/active_job/1a85e743-ec8f-4789-afec-97e587a26936");
        assertThat(error.resourceId()).isEqualTo(3L);
    }

    @Test
    void anythingElseIsNotAnErrorDocument() {
        assertThat(Ds3Xml.readError("<html>502 Bad Gateway</html".getBytes())).isNull();
        assertThat(Ds3Xml.readError(new byte[0])).isNull();
    }
}
