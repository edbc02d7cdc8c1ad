package io.camelblackpearl.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.ds3.model.MasterObjectList;
import io.camelblackpearl.ds3.model.Priority;
import io.camelblackpearl.simulator.Ds3Operation;
import io.camelblackpearl.simulator.SimulatedJob;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * A modify on a job of 1,000,000 objects answers with a MasterObjectList of about 190 MB, streamed by the
 * simulator; with includeObjects=false the component reads it in constant memory. The build runs this
 * class in its own JVM with a 64 MB heap (see the large-documents surefire execution).
 */
class LargeDocumentTest extends BlackPearlTestSupport {

    private static final int OBJECTS = 1_000_000;

    @Test
    void aMillionObjectJobIsModifiedWithASmallHeap() {
        assertThat(Runtime.getRuntime().maxMemory()).as("heap limit of this JVM").isLessThan(100L * 1024 * 1024);
        SimulatedJob job = seedJob("archive-huge", "LOW", Duration.ofHours(6));
        appliance().update(job.id(), j -> j.toBuilder().objectCount(OBJECTS).originalSizeInBytes(4L << 40).build());

        Exchange exchange = template.request("blackpearl:activeJob?priority=URGENT&includeObjects=false&responseTimeout=5m",
                e -> e.getMessage().setHeader(BlackPearlConstants.JOB_ID, job.id().toString()));

        assertThat(exchange.getException()).isNull();
        MasterObjectList summary = exchange.getMessage().getBody(MasterObjectList.class);
        assertThat(summary.jobId()).isEqualTo(job.id());
        assertThat(summary.priority()).isEqualTo(Priority.URGENT);
        assertThat(summary.originalSizeInBytes()).isEqualTo(4L << 40);
        assertThat(summary.nodes()).hasSize(1);
        assertThat(summary.chunks()).isEmpty();
        assertThat(appliance().count(Ds3Operation.MODIFY_ACTIVE_JOB)).isEqualTo(1);
        assertThat(current(job).priority()).isEqualTo("URGENT");
    }
}
