package io.camelblackpearl.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.component.ApplianceCheck.Verdict;
import io.camelblackpearl.ds3.Ds3ClientSettings;
import io.camelblackpearl.ds3.Ds3Credentials;
import io.camelblackpearl.ds3.HttpDs3Client;
import io.camelblackpearl.simulator.Ds3Operation;
import io.camelblackpearl.simulator.Ds3Simulator;
import io.camelblackpearl.simulator.SeedPlan;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The start-up check names what is wrong, in plain words, for each way an appliance can refuse us. */
class ApplianceCheckTest {

    private Ds3Simulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private static ApplianceCheck.Result check(String endpoint, String accessKey, String secretKey) {
        try (HttpDs3Client client = new HttpDs3Client(Ds3ClientSettings.of(endpoint, new Ds3Credentials(accessKey, secretKey)))) {
            return ApplianceCheck.run(client, endpoint);
        }
    }

    @Test
    void reachableWithTheRightCredentialsInOneCall() {
        simulator = Ds3Simulator.builder().credentials("dXNlcg==", "right").build().start().seed(SeedPlan.jobs(3));
        ApplianceCheck.Result result = check(simulator.endpoint(), "dXNlcg==", "right");
        assertThat(result.verdict()).isEqualTo(Verdict.REACHABLE);
        assertThat(result.message()).contains("is reachable", "(3 active jobs)");
        assertThat(simulator.appliance().count(Ds3Operation.LIST_ACTIVE_JOBS)).isEqualTo(1);
    }

    @Test
    void wrongSecretIsCredentialsRefusedNamingBothKeysButNotTheSecret() {
        simulator = Ds3Simulator.builder().credentials("dXNlcg==", "right").build().start();
        ApplianceCheck.Result result = check(simulator.endpoint(), "dXNlcg==", "wrong-secret-value");
        assertThat(result.verdict()).isEqualTo(Verdict.CREDENTIALS_REFUSED);
        assertThat(result.message()).contains("refused the credentials (403)", "camel.component.blackpearl.access-key",
                "camel.component.blackpearl.secret-key").doesNotContain("wrong-secret-value");
    }

    @Test
    void aClockAnHourOffIsClockSkew() {
        simulator = Ds3Simulator.builder().credentials("dXNlcg==", "right")
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(1))).build().start();
        ApplianceCheck.Result result = check(simulator.endpoint(), "dXNlcg==", "right");
        assertThat(result.verdict()).isEqualTo(Verdict.CLOCK_SKEW);
        assertThat(result.message()).contains("clock");
    }

    @Test
    void httpsToAPlainHttpPortIsTlsRefused() {
        simulator = Ds3Simulator.builder().credentials("dXNlcg==", "right").build().start();
        ApplianceCheck.Result result = check("https://127.0.0.1:" + simulator.port(), "dXNlcg==", "right");
        assertThat(result.verdict()).isEqualTo(Verdict.TLS_REFUSED);
        assertThat(result.message()).contains("TLS refused", "ssl-context-parameters");
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ApplianceCheck.Result result = check("http://127.0.0.1:" + port, "dXNlcg==", "right");
        assertThat(result.verdict()).isEqualTo(Verdict.UNREACHABLE);
        assertThat(result.message()).contains("is unreachable (connection refused)", "camel.component.blackpearl.endpoint");
    }
}
