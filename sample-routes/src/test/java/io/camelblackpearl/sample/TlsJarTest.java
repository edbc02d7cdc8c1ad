package io.camelblackpearl.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.simulator.SelfSignedCertificate;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An appliance on https, as a user points the packaged application at it: the simulator's CLI serves TLS
 * with a certificate made here by keytool, and the sample jar trusts it the two documented ways (the JVM's
 * trust store; Camel's global SSL settings with {@code useGlobalSslContextParameters}). An untrusted
 * certificate and one for another host name are refused before any job is touched. Checked over the DS3 API.
 */
class TlsJarTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    Path dir;

    private final String secretKey = "s3cr3t-" + UUID.randomUUID();
    private TestAppliance appliance;

    @AfterEach
    void stop() throws Exception {
        if (appliance != null) {
            appliance.close();
        }
    }

    /** A key store for the simulator with a certificate for {@code san}, and a trust store holding that certificate. */
    private SelfSignedCertificate certificate(String cn, String san) {
        return SelfSignedCertificate.create(dir, cn, san, PASSWORD);
    }

    private TestAppliance tlsAppliance(SelfSignedCertificate certificate) throws Exception {
        appliance = TestAppliance.start(dir, secretKey, List.of("--tls-key-store", certificate.keyStore().toString(),
                "--tls-key-store-password", PASSWORD), certificate.clientTls());
        assertThat(appliance.endpoint).startsWith("https://");
        return appliance;
    }

    /** Two escalation runs, then the application stops by itself; what it printed. */
    private String runSample(List<String> jvm, Map<String, String> more) throws Exception {
        return runSample(appliance.endpoint, jvm, more);
    }

    private String runSample(String endpoint, List<String> jvm, Map<String, String> more) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CAMEL_COMPONENT_BLACKPEARL_ENDPOINT", endpoint);
        env.put("CAMEL_COMPONENT_BLACKPEARL_ACCESS_KEY", TestAppliance.ACCESS_KEY);
        env.put("CAMEL_COMPONENT_BLACKPEARL_SECRET_KEY", secretKey);
        env.put("ESCALATION_POLICY_FILE", TestAppliance.policyFile(dir).toString());
        env.put("ESCALATION_CRON", "0/1 * * * * ?");
        env.put("ESCALATION_MAX_RUNS", "2");
        env.put("ESCALATION_EVENTS_ENABLED", "false");
        env.putAll(more);
        try (JavaProcess sample = JavaProcess.start(dir, "sample-" + UUID.randomUUID(), jvm, "sample.jar", List.of(), env)) {
            sample.awaitExit(90);
            String output = sample.output();
            assertThat(output).doesNotContain(secretKey).doesNotContain("s3cr3t-trust");
            return output;
        }
    }

    @Test
    void theJvmsTrustStoreAsTheJavaDocsSayIt() throws Exception {
        SelfSignedCertificate localhost = certificate("localhost", "ip:127.0.0.1,dns:localhost");
        tlsAppliance(localhost);
        String output = runSample(List.of("-Djavax.net.ssl.trustStore=" + localhost.trustStore(), "-Djavax.net.ssl.trustStorePassword=" + PASSWORD,
                "-Djavax.net.ssl.trustStoreType=PKCS12"), Map.of());
        assertThat(output).contains("is reachable and accepts the credentials");
        appliance.assertDueJobsRaised(Instant.now());
    }

    @Test
    void camelsGlobalSslSettingsWithUseGlobalSslContextParameters() throws Exception {
        SelfSignedCertificate localhost = certificate("localhost", "ip:127.0.0.1,dns:localhost");
        tlsAppliance(localhost);
        String output = runSample(List.of(), Map.of(
                "CAMEL_SSL_ENABLED", "true",
                "CAMEL_SSL_TRUST_STORE", "file:" + localhost.trustStore(),
                "CAMEL_SSL_TRUST_STORE_PASSWORD", PASSWORD,
                "CAMEL_COMPONENT_BLACKPEARL_USE_GLOBAL_SSL_CONTEXT_PARAMETERS", "true"));
        assertThat(output).contains("is reachable and accepts the credentials");
        appliance.assertDueJobsRaised(Instant.now());
    }

    @Test
    void anUntrustedCertificateIsRefusedAndNothingIsTouched() throws Exception {
        SelfSignedCertificate localhost = certificate("localhost", "ip:127.0.0.1,dns:localhost");
        tlsAppliance(localhost);
        String output = runSample(List.of(), Map.of());
        assertThat(output).contains("TLS refused").contains("PKIX path building failed");
        assertThat(appliance.api.activeJobs()).as("no job changed").isEqualTo(appliance.before);
    }

    /**
     * Trusted, but issued to another name: a certificate for the address 127.0.0.1 only, reached as
     * {@code https://localhost:…}. The host name check refuses it (the test's own client, on 127.0.0.1, accepts it).
     */
    @Test
    void aCertificateForAnotherHostIsRefused() throws Exception {
        SelfSignedCertificate addressOnly = certificate("127.0.0.1", "ip:127.0.0.1");
        tlsAppliance(addressOnly);
        String output = runSample(appliance.endpoint.replace("127.0.0.1", "localhost"), List.of("-Djavax.net.ssl.trustStore="
                + addressOnly.trustStore(), "-Djavax.net.ssl.trustStorePassword=" + PASSWORD, "-Djavax.net.ssl.trustStoreType=PKCS12"), Map.of());
        assertThat(output).contains("TLS refused").contains("No name matching localhost found", "the certificate is not issued to the host name")
                .as("a refused certificate is not retried").doesNotContain("gave up after 4 attempts");
        assertThat(appliance.api.activeJobs()).as("no job changed").isEqualTo(appliance.before);
    }
}
