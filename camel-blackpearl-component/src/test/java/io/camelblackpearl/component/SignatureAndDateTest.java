package io.camelblackpearl.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.ds3.BlackPearlException;
import io.camelblackpearl.ds3.Ds3ClientSettings;
import io.camelblackpearl.ds3.Ds3Credentials;
import io.camelblackpearl.ds3.HttpDs3Client;
import io.camelblackpearl.ds3.JobModification;
import io.camelblackpearl.ds3.model.Priority;
import io.camelblackpearl.simulator.Ds3Operation;
import io.camelblackpearl.simulator.Ds3Simulator;
import io.camelblackpearl.simulator.RecordedRequest;
import io.camelblackpearl.simulator.SimulatedJob;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.Exchange;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** Every request carries a current RFC 1123 Date and an S3 v2 signature the appliance can verify. */
class SignatureAndDateTest extends BlackPearlTestSupport {

    @Test
    void requestsAreSignedOverMethodDateAndRawPath() throws Exception {
        SimulatedJob job = seedJob("restore one", "LOW", Duration.ofHours(1));
        template.sendBodyAndHeader("blackpearl:activeJob?priority=HIGH", null, BlackPearlConstants.JOB_ID, "restore one");
        template.sendBodyAndHeader("blackpearl:activeJob?operation=list&pageLength=10", null, BlackPearlConstants.JOB_ID, "x");

        for (RecordedRequest request : appliance().requests()) {
            assertThat(request.succeeded()).as("%s %s", request.method(), request.rawPath()).isTrue();
            String date = request.header("Date").orElseThrow();
            Instant sent = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            assertThat(Duration.between(sent, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
            assertThat(date).endsWith(" GMT");
            // Recomputed here independently of both the client and the simulator.
            String stringToSign = request.method() + "\n\n\n" + date + "\n" + request.rawPath();
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(BLACKPEARL.secretKey().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            String signature = Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
            assertThat(request.header("Authorization")).hasValue("AWS " + BLACKPEARL.accessKey() + ":" + signature);
        }
        assertThat(appliance().requests(Ds3Operation.MODIFY_ACTIVE_JOB).get(0).rawPath()).isEqualTo("/_rest_/active_job/restore%20one");
        assertThat(current(job).priority()).isEqualTo("HIGH");
    }

    @Test
    void aWrongSecretIsAnAuthorizationFailureThatDoesNotLeakTheSecret() {
        SimulatedJob job = seedJob("j", "LOW", Duration.ofHours(1));
        Exchange exchange = template.request("blackpearl:activeJob?priority=HIGH&secretKey=RAW(not-the-secret-xyz)",
                e -> e.getMessage().setHeader(BlackPearlConstants.JOB_ID, job.id().toString()));
        BlackPearlException e = (BlackPearlException) exchange.getException();
        assertThat(e.isAuthorization()).isTrue();
        assertThat(e.isClockSkew()).isFalse();
        assertThat(e.getHttpStatus()).isEqualTo(403);
        assertThat(e.getMessage()).doesNotContain("not-the-secret-xyz").doesNotContain(BLACKPEARL.secretKey());
        assertThat(current(job).priority()).isEqualTo("LOW");
        assertThat(context.getEndpoints()).allSatisfy(endpoint ->
                assertThat(endpoint.toString()).doesNotContain("not-the-secret-xyz"));
    }

    @Test
    void aClockTwentyMinutesOffIsReportedAsClockSkew() {
        Clock skewed = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20));
        try (Ds3Simulator simulator = Ds3Simulator.builder().credentials("c2tldw==", "skew-secret").clock(skewed).build().start();
             HttpDs3Client client = new HttpDs3Client(Ds3ClientSettings.of(simulator.endpoint(), new Ds3Credentials("c2tldw==", "skew-secret")))) {
            SimulatedJob job = SimulatedJob.builder(UUID.randomUUID()).build();
            simulator.appliance().put(job);
            BlackPearlException e = Assertions.catchThrowableOfType(BlackPearlException.class,
                    () -> client.modifyActiveJob(job.id().toString(), JobModification.ofPriority(Priority.HIGH), true));
            assertThat(e.isClockSkew()).isTrue();
            assertThat(e.isAuthorization()).isFalse();
            assertThat(e.getDs3Message()).contains("Client clock");
        }
    }

    @Test
    void aDateWithinTheToleranceIsAccepted() {
        Clock server = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));
        try (Ds3Simulator simulator = Ds3Simulator.builder().credentials("c2tldw==", "s").clock(server).build().start();
             HttpDs3Client client = new HttpDs3Client(Ds3ClientSettings.of(simulator.endpoint(), new Ds3Credentials("c2tldw==", "s")),
                     Clock.fixed(Instant.now(), ZoneOffset.UTC))) {
            SimulatedJob job = SimulatedJob.builder(UUID.randomUUID()).build();
            simulator.appliance().put(job);
            assertThat(client.modifyActiveJob(job.id().toString(), JobModification.ofPriority(Priority.HIGH), true).status()).isEqualTo(200);
        }
    }
}
