package io.camelblackpearl.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.ds3.BlackPearlException;
import io.camelblackpearl.ds3.BlackPearlResponseParseException;
import io.camelblackpearl.ds3.BlackPearlTransportException;
import io.camelblackpearl.simulator.Ds3Operation;
import io.camelblackpearl.simulator.Fault;
import io.camelblackpearl.simulator.SimulatedJob;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/** Each appliance failure becomes a BlackPearlException that says which kind it is. */
class ErrorMappingTest extends BlackPearlTestSupport {

    private Exception modifyFails(String jobId, String uri) {
        Exchange exchange = template.request(uri, e -> e.getMessage().setHeader(BlackPearlConstants.JOB_ID, jobId));
        assertThat(exchange.getException()).as("the exchange failed").isNotNull();
        return exchange.getException();
    }

    /** With retries off, so that the mapping of the appliance's first answer is what the test sees. */
    private BlackPearlException modifyFailsWithDs3(String jobId) {
        Exception e = modifyFails(jobId, "blackpearl:activeJob?priority=HIGH&maxRetries=0");
        assertThat(e).isInstanceOf(BlackPearlException.class);
        return (BlackPearlException) e;
    }

    @Test
    void unknownJobIsNotFoundWithTheParsedErrorDocument() {
        String id = UUID.randomUUID().toString();
        BlackPearlException e = modifyFailsWithDs3(id);
        assertThat(e.isNotFound()).isTrue();
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getHttpStatus()).isEqualTo(404);
        assertThat(e.getCode()).isEqualTo("NotFound");
        assertThat(e.getDs3Message()).contains(id);
        assertThat(e.getResource()).isEqualTo("/_rest_/active_job/" + id);
        assertThat(e.getResourceId()).isPositive();
        assertThat(e.getMethod()).isEqualTo("PUT");
        assertThat(e.getPath()).isEqualTo("/_rest_/active_job/" + id);
        assertThat(e.getMessage()).contains("PUT /_rest_/active_job/" + id, "404", "NotFound");
        // The appliance's request id (x-amz-request-id), which the simulator also writes as the error's ResourceId.
        assertThat(e.getRequestId()).isEqualTo(e.getResourceId().toString());
        assertThat(e.getMessage()).contains("[request id " + e.getRequestId() + "]");
    }

    @Test
    void aFailedCallLeavesTheRequestIdInAHeader() {
        String id = UUID.randomUUID().toString();
        Exchange exchange = template.request("blackpearl:activeJob?priority=HIGH",
                e -> e.getMessage().setHeader(BlackPearlConstants.JOB_ID, id));
        BlackPearlException e = exchange.getException(BlackPearlException.class);
        assertThat(e).isNotNull();
        assertThat(exchange.getMessage().getHeader(BlackPearlConstants.REQUEST_ID)).isEqualTo(e.getRequestId()).isNotNull();
    }

    @Test
    void refusedParameterIsBadRequest() {
        SimulatedJob job = seedJob("j", "LOW", Duration.ofHours(1));
        Exception e = modifyFails(job.id().toString(), "blackpearl:activeJob?priority=CRITICAL&allowReservedPriorities=true");
        assertThat(((BlackPearlException) e).isBadRequest()).isTrue();
        assertThat(appliance().requests(Ds3Operation.MODIFY_ACTIVE_JOB).get(0).param("priority")).hasValue("CRITICAL");
        assertThat(current(job).priority()).isEqualTo("LOW");
    }

    @Test
    void conflictIsConflict() {
        SimulatedJob job = seedJob("j", "LOW", Duration.ofHours(1));
        appliance().faults().failNext(Ds3Operation.MODIFY_ACTIVE_JOB, 1, 409);
        BlackPearlException e = modifyFailsWithDs3(job.id().toString());
        assertThat(e.isConflict()).isTrue();
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void serviceUnavailableIsRetryableAndCarriesRetryAfter() {
        SimulatedJob job = seedJob("j", "LOW", Duration.ofHours(1));
        appliance().faults().inject(Ds3Operation.MODIFY_ACTIVE_JOB, 1, new Fault.ErrorResponse(503, "Busy", "try later", 7));
        BlackPearlException e = modifyFailsWithDs3(job.id().toString());
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getRetryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void temporaryRedirectIsSentAgainUpToTheLimit() {
        SimulatedJob job = seedJob("j", "LOW", Duration.ofHours(1));
        appliance().faults().inject(Ds3Operation.MODIFY_ACTIVE_JOB, 2, new Fault.Redirect());
        Exchange ok = template.request("blackpearl:activeJob?priority=HIGH",
                e -> e.getMessage().setHeader(BlackPearlConstants.JOB_ID, job.id().toString()));
        assertThat(ok.getException()).isNull();
        assertThat(appliance().requests(Ds3Operation.MODIFY_ACTIVE_JOB)).extracting("status").containsExactly(307, 307, 200);

        appliance().faults().inject(Ds3Operation.MODIFY_ACTIVE_JOB, 10, new Fault.Redirect());
        Exception e = modifyFails(job.id().toString(), "blackpearl:activeJob?priority=URGENT&maxRedirects=3");
        assertThat(((BlackPearlException) e).isRetryable()).isTrue();
        assertThat(((BlackPearlException) e).getHttpStatus()).isEqualTo(307);
        assertThat(appliance().count(Ds3Operation.MODIFY_ACTIVE_JOB)).isEqualTo(3 + 4);
    }

    @Test
    void malformedAndTruncatedBodiesAreParseErrors() {
        SimulatedJob job = seedJob("j", "LOW", Duration.ofHours(1));
        appliance().faults().inject(Ds3Operation.MODIFY_ACTIVE_JOB, 1, new Fault.MalformedBody());
        assertThat(modifyFails(job.id().toString(), "blackpearl:activeJob?priority=HIGH"))
                .isInstanceOf(BlackPearlResponseParseException.class).hasMessageContaining("MasterObjectList");

        appliance().faults().inject(Ds3Operation.LIST_ACTIVE_JOBS, 1, new Fault.TruncatedBody());
        Exchange list = template.request("blackpearl:activeJob?operation=list", e -> { });
        assertThat(list.getException()).isInstanceOf(BlackPearlResponseParseException.class);
        assertThat(((BlackPearlException) list.getException()).isRetryable()).isFalse();
    }

    @Test
    void droppedConnectionIsARetryableTransportFailure() {
        SimulatedJob job = seedJob("j", "LOW", Duration.ofHours(1));
        appliance().faults().inject(Ds3Operation.MODIFY_ACTIVE_JOB, 1, new Fault.DropConnection());
        Exception e = modifyFails(job.id().toString(), "blackpearl:activeJob?priority=HIGH&maxRetries=0");
        assertThat(e).isInstanceOf(BlackPearlTransportException.class);
        assertThat(((BlackPearlException) e).isRetryable()).isTrue();
        assertThat(((BlackPearlException) e).getHttpStatus()).isZero();
    }

    @Test
    void refusedConnectionIsATransportFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Exception e = modifyFails(UUID.randomUUID().toString(),
                "blackpearl:activeJob?priority=HIGH&endpoint=http://127.0.0.1:" + closedPort + "&connectTimeout=2s");
        assertThat(e).isInstanceOf(BlackPearlTransportException.class).hasMessageContaining("PUT /_rest_/active_job/");
    }
}
