package io.camelblackpearl.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelblackpearl.ds3.Ds3Credentials;
import io.camelblackpearl.simulator.Ds3Operation;
import io.camelblackpearl.simulator.Ds3Simulator;
import io.camelblackpearl.simulator.SeedPlan;
import io.camelblackpearl.simulator.SimulatedJob;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load generator behind figure 5 sends what it is given, counts every answer once, and fails on a bad one. */
class RawLoadTest {

    private Ds3Simulator simulator;

    @BeforeEach
    void start() {
        simulator = Ds3Simulator.builder().credentials("YmVuY2g=", "raw-load-secret").build()
                .seed(SeedPlan.jobs(10).seed(3).priorities("LOW")).start();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void everyRequestIsSentAndAnsweredOnceOverTheConnections() throws Exception {
        List<byte[]> requests = modifies(new Ds3Credentials("YmVuY2g=", "raw-load-secret"));

        double rate = RawLoad.run("127.0.0.1", simulator.port(), requests, 3, 301);

        assertThat(rate).isPositive();
        assertThat(simulator.appliance().count(Ds3Operation.MODIFY_ACTIVE_JOB)).isEqualTo(301);
        assertThat(simulator.appliance().maxConcurrentRequests()).isBetween(1, 3);
        assertThat(simulator.appliance().activeJobs()).extracting(SimulatedJob::priority).containsOnly("HIGH");
    }

    @Test
    void anAnswerOtherThan200FailsTheRunNamingIt() {
        List<byte[]> wronglySigned = modifies(new Ds3Credentials("YmVuY2g=", "not-the-secret"));

        assertThatThrownBy(() -> RawLoad.run("127.0.0.1", simulator.port(), wronglySigned, 2, 10))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("403");
    }

    /** One pre-signed Modify Active Job per seeded job, as the harness builds them. */
    private List<byte[]> modifies(Ds3Credentials credentials) {
        List<String> ids = simulator.appliance().activeJobs().stream().map(job -> job.id().toString()).toList();
        return RawLoad.signedModifies("127.0.0.1", simulator.port(), credentials, ids);
    }
}
