package io.camelblackpearl.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.ds3.BlackPearlTransportException;
import io.camelblackpearl.simulator.Ds3Operation;
import io.camelblackpearl.simulator.Ds3Simulator;
import io.camelblackpearl.simulator.SelfSignedCertificate;
import io.camelblackpearl.simulator.SimulatedJob;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https endpoints verify the appliance's certificate by default, and trust what sslContextParameters
 * says to trust. The simulator serves TLS with a self-signed certificate made by keytool for this test.
 */
class TlsTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;
    static Ds3Simulator simulator;
    static Path trustStore;

    @BeforeAll
    static void startTlsSimulator() {
        SelfSignedCertificate certificate = SelfSignedCertificate
                .create(dir, "localhost", "ip:127.0.0.1,dns:localhost", PASSWORD);
        trustStore = certificate.trustStore();
        simulator = Ds3Simulator.builder().credentials("dGxz", "tls-secret").tls(certificate.serverTls()).build().start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static Exchange modify(SSLContextParameters tls) throws Exception {
        SimulatedJob job = SimulatedJob.builder(UUID.randomUUID()).priority("LOW").build();
        simulator.appliance().put(job);
        try (CamelContext context = new DefaultCamelContext()) {
            BlackPearlComponent component = context.getComponent("blackpearl", BlackPearlComponent.class);
            component.getConfiguration().setEndpoint(simulator.endpoint());
            component.getConfiguration().setAccessKey("dGxz");
            component.getConfiguration().setSecretKey("tls-secret");
            component.getConfiguration().setSslContextParameters(tls);
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            return template.request("blackpearl:activeJob?priority=HIGH",
                    e -> e.getMessage().setHeader(BlackPearlConstants.JOB_ID, job.id().toString()));
        }
    }

    @Test
    void anUntrustedCertificateIsRefusedByDefault() throws Exception {
        assertThat(simulator.endpoint()).startsWith("https://");
        long before = simulator.appliance().count(Ds3Operation.MODIFY_ACTIVE_JOB);
        Exchange exchange = modify(null);
        assertThat(exchange.getException()).isInstanceOf(BlackPearlTransportException.class)
                .hasMessageContaining("SSL");
        assertThat(simulator.appliance().count(Ds3Operation.MODIFY_ACTIVE_JOB)).isEqualTo(before);
    }

    @Test
    void aTrustStoreFromSslContextParametersIsUsed() throws Exception {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + trustStore);
        store.setPassword(PASSWORD);
        store.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setTrustManagers(trust);

        Exchange exchange = modify(tls);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(BlackPearlConstants.PRIORITY)).isEqualTo("HIGH");
    }
}
