package io.camelblackpearl.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.ds3.BlackPearlException;
import io.camelblackpearl.ds3.BlackPearlResponseParseException;
import io.camelblackpearl.ds3.Ds3ClientSettings;
import io.camelblackpearl.ds3.Ds3Credentials;
import io.camelblackpearl.ds3.HttpDs3Client;
import io.camelblackpearl.ds3.JobModification;
import io.camelblackpearl.ds3.RetryPolicy;
import io.camelblackpearl.ds3.model.Priority;
import io.camelblackpearl.simulator.Ds3Operation;
import io.camelblackpearl.simulator.Fault;
import io.camelblackpearl.simulator.SimulatedJob;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client sends again what is safe and likely to pass, within maxRetries and callTimeout, and says so. */
class RetryTest extends BlackPearlTestSupport {

    @BindToRegistry("meters")
    private final MeterRegistry meters = new SimpleMeterRegistry();

    private Exchange modify(SimulatedJob job, String options) {
        return template.request("blackpearl:activeJob?priority=HIGH&retryInitialDelay=10ms&retryMaxDelay=50ms" + options,
                e -> e.getMessage().setHeader(BlackPearlConstants.JOB_ID, job.id().toString()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {502, 503, 504, 429})
    void busyAnswersAreSentAgainUntilTheyPass(int status) {
        SimulatedJob job = seedJob("j", "LOW", Duration.ofHours(1));
        appliance().faults().failNext(Ds3Operation.MODIFY_ACTIVE_JOB, 2, status);

        Exchange exchange = modify(job, "");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(BlackPearlConstants.ATTEMPTS)).isEqualTo(3);
        assertThat(appliance().requests(Ds3Operation.MODIFY_ACTIVE_JOB)).extracting("status").containsExactly(status, status, 200);
        assertThat(current(job).priority()).isEqualTo("HIGH");
        assertThat(meters.counter("blackpearl.client.retries", "reason", Integer.toString(status), "method", "PUT").count()).isEqualTo(2);
    }

    @Test
    void aDroppedConnectionIsSentAgain() {
        SimulatedJob job = seedJob("j", "LOW", Duration.ofHours(1));
        appliance().faults().inject(Ds3Operation.MODIFY_ACTIVE_JOB, 1, new Fault.DropConnection());

        Exchange exchange = modify(job, "");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(BlackPearlConstants.ATTEMPTS)).isEqualTo(2);
        assertThat(current(job).priority()).isEqualTo("HIGH");
    }

    @Test
    void afterMaxRetriesTheFailureSaysWhatEachAttemptGot() {
        SimulatedJob job = seedJob("j", "LOW", Duration.ofHours(1));
        appliance().faults().failNext(Ds3Operation.MODIFY_ACTIVE_JOB, 10, 503);

        Exchange exchange = modify(job, "&maxRetries=3");

        BlackPearlException e = exchange.getException(BlackPearlException.class);
        assertThat(e.getAttempts()).isEqualTo(4);
        assertThat(e.getMessage()).contains("HTTP 503", "gave up after 4 attempts: 503, 503, 503, 503");
        assertThat(exchange.getMessage().getHeader(BlackPearlConstants.ATTEMPTS)).isEqualTo(4);
        assertThat(appliance().count(Ds3Operation.MODIFY_ACTIVE_JOB)).isEqualTo(4);
        assertThat(current(job).priority()).isEqualTo("LOW");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {400, 403, 404, 409, 500})
    void answersThatWouldFailAgainAreNotRetried(int status) {
        SimulatedJob job = seedJob("j", "LOW", Duration.ofHours(1));
        appliance().faults().failNext(Ds3Operation.MODIFY_ACTIVE_JOB, 10, status);

        Exchange exchange = modify(job, "");

        assertThat(exchange.getException(BlackPearlException.class).getHttpStatus()).isEqualTo(status);
        assertThat(exchange.getMessage().getHeader(BlackPearlConstants.ATTEMPTS)).isEqualTo(1);
        assertThat(appliance().count(Ds3Operation.MODIFY_ACTIVE_JOB)).isEqualTo(1);
    }

    @Test
    void aCompleteAnswerThatIsNotDs3IsNotRetried() {
        SimulatedJob job = seedJob("j", "LOW", Duration.ofHours(1));
        appliance().faults().inject(Ds3Operation.MODIFY_ACTIVE_JOB, 10, new Fault.MalformedBody());

        Exchange exchange = modify(job, "");

        assertThat(exchange.getException()).isInstanceOf(BlackPearlResponseParseException.class);
        assertThat(appliance().count(Ds3Operation.MODIFY_ACTIVE_JOB)).isEqualTo(1);
    }

    @Test
    void maxRetriesZeroLeavesRetryingToTheRoute() {
        SimulatedJob job = seedJob("j", "LOW", Duration.ofHours(1));
        appliance().faults().failNext(Ds3Operation.MODIFY_ACTIVE_JOB, 1, 503);

        Exchange exchange = modify(job, "&maxRetries=0");

        assertThat(exchange.getException(BlackPearlException.class).getAttempts()).isEqualTo(1);
        assertThat(appliance().count(Ds3Operation.MODIFY_ACTIVE_JOB)).isEqualTo(1);
    }

    /** Waits recorded by the client's retry listener, for the timing rules that a route cannot see. */
    private record Wait(String reason, int attempt, Duration delay) {
    }

    private HttpDs3Client client(RetryPolicy retry, List<Wait> waits) {
        return new HttpDs3Client(Ds3ClientSettings.of(BLACKPEARL.endpoint(),
                new Ds3Credentials(BLACKPEARL.accessKey(), BLACKPEARL.secretKey())).withRetry(retry), Clock.systemUTC(),
                (method, path, reason, attempt, delay) -> waits.add(new Wait(reason, attempt, delay)));
    }

    @Test
    void retryAfterIsHonouredUpToRetryMaxDelay() {
        SimulatedJob job = seedJob("j", "LOW", Duration.ofHours(1));
        appliance().faults().inject(Ds3Operation.MODIFY_ACTIVE_JOB, 1, new Fault.ErrorResponse(503, "Busy", "later", 1));
        appliance().faults().inject(Ds3Operation.MODIFY_ACTIVE_JOB, 1, new Fault.ErrorResponse(503, "Busy", "later", 30));
        List<Wait> waits = new CopyOnWriteArrayList<>();
        RetryPolicy retry = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(1500), Duration.ofMinutes(1));

        try (HttpDs3Client client = client(retry, waits)) {
            client.modifyActiveJob(job.id().toString(), JobModification.ofPriority(Priority.HIGH), false);
        }

        assertThat(waits).containsExactly(new Wait("503", 1, Duration.ofSeconds(1)), new Wait("503", 2, Duration.ofMillis(1500)));
        assertThat(current(job).priority()).isEqualTo("HIGH");
    }

    @Test
    void noAttemptStartsAfterCallTimeout() {
        SimulatedJob job = seedJob("j", "LOW", Duration.ofHours(1));
        appliance().faults().inject(Ds3Operation.MODIFY_ACTIVE_JOB, 10, new Fault.ErrorResponse(503, "Busy", "later", 1));
        List<Wait> waits = new CopyOnWriteArrayList<>();
        RetryPolicy retry = new RetryPolicy(10, Duration.ofMillis(10), Duration.ofSeconds(5), Duration.ofMillis(1500));

        BlackPearlException failure = null;
        try (HttpDs3Client client = client(retry, waits)) {
            client.modifyActiveJob(job.id().toString(), JobModification.ofPriority(Priority.HIGH), false);
        } catch (BlackPearlException e) {
            failure = e;
        }

        assertThat(failure).isNotNull();
        assertThat(failure.getAttempts()).isEqualTo(2);
        assertThat(failure.getMessage()).contains("gave up after 2 attempts: 503, 503; callTimeout PT1.5S reached");
        assertThat(appliance().count(Ds3Operation.MODIFY_ACTIVE_JOB)).isEqualTo(2);
    }

    @Test
    void backoffIsFullJitterBelowADoublingCap() {
        RetryPolicy retry = new RetryPolicy(10, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofMinutes(2));
        assertThat(retry.backoff(0, 0.999)).isEqualTo(Duration.ofMillis(199));
        assertThat(retry.backoff(3, 0.5)).isEqualTo(Duration.ofMillis(800));
        assertThat(retry.backoff(10, 0.999)).isEqualTo(Duration.ofMillis(9990));
        assertThat(retry.backoff(63, 0.0)).isEqualTo(Duration.ZERO);
    }
}
