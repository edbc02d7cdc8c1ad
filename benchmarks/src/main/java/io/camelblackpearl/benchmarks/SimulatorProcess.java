package io.camelblackpearl.benchmarks;

import io.camelblackpearl.ds3.Ds3Credentials;
import io.camelblackpearl.ds3.Ds3RequestSigner;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/** The simulator's CLI jar in its own process, for the end-to-end harnesses: so it is not profiled with the client. */
final class SimulatorProcess {

    private SimulatorProcess() {
    }

    /**
     * Starts the CLI jar; {@code -Dsimulator.jvmOptions="…"} (space-separated) passes JVM options to it, e.g. a
     * flight recording of the simulator alone: {@code -Dsimulator.jvmOptions=-XX:StartFlightRecording=filename=sim.jfr}.
     */
    static Process start(Path cli, String access, String secret, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String jvmOptions = System.getProperty("simulator.jvmOptions", "").trim();
        if (!jvmOptions.isEmpty()) {
            command.addAll(List.of(jvmOptions.split("\\s+")));
        }
        command.addAll(List.of("-jar", cli.toString(), "--port", "0", "--seed", "1", "--access-key", access, "--secret-key", secret));
        command.addAll(List.of(more));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Waits for the CLI's "ready on" line (the last of its banner), then keeps draining its output. */
    static String endpoint(Process simulator) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(simulator.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            Matcher m = Pattern.compile("simulator ready on (http://\\S+)").matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "simulator-output");
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new IllegalStateException("the simulator did not start");
    }

    /** The ids of the first page of active jobs. */
    static List<String> jobIds(CloseableHttpClient http, String endpoint, String access, String secret) throws Exception {
        String path = "/_rest_/active_job";
        HttpUriRequestBase get = new HttpUriRequestBase("GET", URI.create(endpoint + path + "?page_length=1000"));
        Map<String, String> signed = Map.of("Date", Ds3RequestSigner.httpDate(Instant.now()));
        get.setHeader("Date", signed.get("Date"));
        get.setHeader("Authorization", Ds3RequestSigner.authorization(new Ds3Credentials(access, secret), "GET", path, signed));
        String page = http.execute(get, response -> EntityUtils.toString(response.getEntity()));
        List<String> ids = new ArrayList<>();
        Matcher id = Pattern.compile("<Id>([^<]+)</Id>").matcher(page);
        while (id.find()) {
            ids.add(id.group(1));
        }
        return ids;
    }
}
