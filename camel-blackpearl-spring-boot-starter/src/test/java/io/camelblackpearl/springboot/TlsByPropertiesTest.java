package io.camelblackpearl.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.component.BlackPearlConstants;
import io.camelblackpearl.simulator.Ds3Simulator;
import io.camelblackpearl.simulator.SelfSignedCertificate;
import io.camelblackpearl.simulator.SimulatedJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An appliance on https with a certificate the JVM does not trust, reached from Boot properties alone:
 * camel-spring-boot's {@code camel.ssl.*} (the global SSLContextParameters) and the component's
 * {@code use-global-ssl-context-parameters}, as docs/spring-boot.md shows.
 */
@SpringBootTest(classes = TestApplication.class, properties = {
        "camel.component.blackpearl.use-global-ssl-context-parameters=true",
        "camel.ssl.trust-managers.key-store.type=PKCS12"})
class TlsByPropertiesTest {

    static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.create(directory(), "localhost",
            "ip:127.0.0.1,dns:localhost", "changeit");
    static final Ds3Simulator SIMULATOR = Ds3Simulator.builder()
            .credentials(SimulatorForBoot.ACCESS_KEY, "boot-secret-from-a-properties-file").tls(CERTIFICATE.serverTls()).build().start();

    private static Path directory() {
        try {
            return Files.createTempDirectory("boot-tls");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void appliance(DynamicPropertyRegistry registry) {
        SimulatorForBoot.properties(SIMULATOR, registry);
        registry.add("camel.ssl.trust-managers.key-store.resource", () -> "file:" + CERTIFICATE.trustStore());
        registry.add("camel.ssl.trust-managers.key-store.password", CERTIFICATE::password);
    }

    @AfterAll
    static void stop() {
        SIMULATOR.close();
    }

    @Autowired
    ProducerTemplate template;

    @Test
    void theGlobalSslSettingsReachTheComponent() {
        assertThat(SIMULATOR.endpoint()).startsWith("https://");
        SimulatedJob job = SimulatorForBoot.job(SIMULATOR, "LOW", Duration.ofHours(1));
        Exchange exchange = template.request("blackpearl:activeJob?priority=HIGH",
                e -> e.getMessage().setHeader(BlackPearlConstants.JOB_ID, job.id().toString()));
        assertThat(exchange.getException()).isNull();
        assertThat(SIMULATOR.appliance().job(job.id()).orElseThrow().priority()).isEqualTo("HIGH");
    }
}
