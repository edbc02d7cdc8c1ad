package io.camelblackpearl.simulator;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.io.HttpRequestHandler;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Serves one DS3 request: routes it ({@link IncomingRequest}), waits if a delay is planned, authenticates
 * it ({@link RequestAuthenticator}), plays a planned fault ({@link FaultPlayer}) or performs it
 * ({@link JobResources}), and records it in the appliance's request log.
 */
final class Ds3RequestHandler implements HttpRequestHandler {

    private final SimulatedAppliance appliance;
    private final RequestAuthenticator authenticator;
    private final JobResources resources;
    private final FaultPlayer faults;
    private final Clock clock;
    private final AtomicLong requestIds = new AtomicLong();
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    Ds3RequestHandler(SimulatedAppliance appliance, RequestAuthenticator authenticator, JobResources resources, Clock clock) {
        this.appliance = appliance;
        this.authenticator = authenticator;
        this.resources = resources;
        this.faults = new FaultPlayer(appliance, resources);
        this.clock = clock;
    }

    int stalled() {
        return faults.stalled();
    }

    /** Ends stalled answers: the simulator is closing. */
    void closing() {
        faults.closing();
    }

    @Override
    public void handle(ClassicHttpRequest request, ClassicHttpResponse response, HttpContext context) throws IOException {
        IncomingRequest in = IncomingRequest.parse(request, requestIds.incrementAndGet());
        // As an appliance does on every answer, errors included; the same number as an <Error>'s ResourceId.
        response.setHeader("x-amz-request-id", Long.toString(in.requestId()));
        // The appliance's own time: clients age jobs by it (a time-scaled simulator runs ahead of the wall clock).
        response.setHeader("Date", HTTP_DATE.format(clock.instant()));
        int status = 500;
        appliance.requestStarted();
        try {
            Fault fault = appliance.faults().next(in.operation(), in.jobRef());
            if (fault instanceof Fault.Delay delay) {
                sleep(appliance.faults().delayOf(delay));
                fault = null;
            }
            authenticator.authenticate(in);
            status = fault != null ? faults.play(fault, in, response) : resources.serve(in, response);
        } catch (Ds3Failure failure) {
            status = failure.status;
            response.setCode(status);
            if (failure.retryAfterSeconds > 0) {
                response.addHeader("Retry-After", Integer.toString(failure.retryAfterSeconds));
            }
            response.setEntity(new ByteArrayEntity(
                    Ds3XmlWriter.error(status, failure.code, failure.getMessage(), in.rawPath(), in.requestId()),
                    JobResources.XML));
        } finally {
            appliance.requestEnded();
            appliance.record(new RecordedRequest(in.operation(), in.method(), in.rawPath(), in.rawQuery(), in.query(),
                    in.headers(), in.jobRef(), status, clock.instant()));
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
