package io.camelblackpearl.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityTemplate;

/** Answers a request the way a {@link Fault} says, instead of (or around) the normal answer. */
final class FaultPlayer {

    private static final Duration STALL_POLL = Duration.ofMillis(50);

    private final SimulatedAppliance appliance;
    private final JobResources resources;
    private volatile boolean closing;
    private final AtomicInteger stalled = new AtomicInteger();

    FaultPlayer(SimulatedAppliance appliance, JobResources resources) {
        this.appliance = appliance;
        this.resources = resources;
    }

    /** Answers being held back right now by a {@link Fault.Stall}. */
    int stalled() {
        return stalled.get();
    }

    /** Ends every stall now: the simulator is closing. */
    void closing() {
        closing = true;
    }

    /** Plays {@code fault}; returns the status the request is recorded with. */
    int play(Fault fault, IncomingRequest in, ClassicHttpResponse response) throws IOException {
        if (fault instanceof Fault.ErrorResponse error) {
            throw new Ds3Failure(error.status(), error.code(), error.message(), error.retryAfterSeconds());
        }
        if (fault instanceof Fault.Redirect) {
            response.setCode(307);
            response.addHeader("Location", in.rawQuery() == null ? in.rawPath() : in.rawPath() + "?" + in.rawQuery());
            return 307;
        }
        if (fault instanceof Fault.MalformedBody) {
            return answer(response, 200, "this is not XML <<<", JobResources.XML);
        }
        if (fault instanceof Fault.NotXml) {
            return answer(response, 200, "OK\n", ContentType.TEXT_PLAIN);
        }
        if (fault instanceof Fault.ProxyHtmlError html) {
            return answer(response, html.status(), "<html><head><title>" + html.status() + " Error</title></head><body>"
                    + "<center><h1>" + html.status() + " Error</h1></center><hr><center>nginx</center></body></html>\n",
                    ContentType.TEXT_HTML);
        }
        if (fault instanceof Fault.TruncatedBody) {
            int status = resources.serve(in, response);
            byte[] whole = bodyOf(response);
            response.setEntity(new ByteArrayEntity(Arrays.copyOf(whole, whole.length / 2), JobResources.XML));
            return status;
        }
        if (fault instanceof Fault.JobVanishes && in.jobRef() != null) {
            appliance.resolve(in.jobRef()).ifPresent(job -> appliance.remove(job.id()));
            return resources.serve(in, response);
        }
        if (fault instanceof Fault.DropConnection) {
            // An IOException out of the handler makes the server close the connection without an answer.
            throw new SocketException("Injected connection drop");
        }
        if (fault instanceof Fault.ResetMidBody) {
            int status = resources.serve(in, response);
            byte[] whole = bodyOf(response);
            if (whole.length == 0) { // nothing to cut: reset instead of the answer
                FaultConnections.current().reset();
                throw new SocketException("Injected connection reset");
            }
            response.setEntity(partly(whole, whole.length / 2, out -> {
                FaultConnections.current().reset();
                throw new SocketException("Injected connection reset");
            }));
            return status;
        }
        if (fault instanceof Fault.Stall stall) {
            int status = resources.serve(in, response);
            byte[] whole = bodyOf(response);
            if (whole.length == 0) { // no body to hold back: hold back the answer
                stallFor(stall.duration());
                throw new SocketException("Injected stall ended");
            }
            response.setEntity(partly(whole, Math.min(16, whole.length / 4), out -> {
                stallFor(stall.duration());
                throw new SocketException("Injected stall ended");
            }));
            return status;
        }
        return resources.serve(in, response);
    }

    @FunctionalInterface
    private interface AfterPart {
        void run(OutputStream out) throws IOException;
    }

    /** An entity that announces the whole length, sends {@code sent} bytes of it, then does {@code then}. */
    private static HttpEntity partly(byte[] whole, int sent, AfterPart then) {
        return new EntityTemplate(whole.length, JobResources.XML, null, out -> {
            out.write(whole, 0, sent);
            out.flush();
            then.run(out);
        });
    }

    /** Waits until the stall is over, the client hangs up, or the simulator closes, whichever is first. */
    private void stallFor(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        FaultConnections.Connection connection = FaultConnections.current();
        stalled.incrementAndGet();
        try {
            while (!closing && System.nanoTime() < end && (connection == null || !connection.clientGone())) {
                Thread.sleep(STALL_POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stalled.decrementAndGet();
        }
    }

    private static int answer(ClassicHttpResponse response, int status, String body, ContentType type) {
        response.setCode(status);
        response.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), type));
        return status;
    }

    private static byte[] bodyOf(ClassicHttpResponse response) throws IOException {
        return response.getEntity() == null ? new byte[0] : response.getEntity().getContent().readAllBytes();
    }
}
