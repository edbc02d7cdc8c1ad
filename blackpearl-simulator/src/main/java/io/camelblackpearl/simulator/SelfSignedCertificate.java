package io.camelblackpearl.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for a simulator on https, made with the JDK's keytool: a PKCS12 key store for
 * the simulator ({@link #serverTls()}, or the CLI's {@code --tls-key-store}) and a PKCS12 trust store holding
 * the certificate, for the client side the way a user configures it. For tests, never for an appliance.
 */
public final class SelfSignedCertificate {

    private final Path keyStore;
    private final Path trustStore;
    private final String password;

    private SelfSignedCertificate(Path keyStore, Path trustStore, String password) {
        this.keyStore = keyStore;
        this.trustStore = trustStore;
        this.password = password;
    }

    /**
     * @param dir   where the two stores are written
     * @param cn    the certificate's common name, e.g. {@code localhost}
     * @param names its subject alternative names as keytool takes them, e.g. {@code ip:127.0.0.1,dns:localhost}
     */
    public static SelfSignedCertificate create(Path dir, String cn, String names, String password) {
        Path keys = dir.resolve(cn + "-server.p12");
        Path cert = dir.resolve(cn + ".cer");
        Path trust = dir.resolve(cn + "-trust.p12");
        keytool("-genkeypair", "-alias", "simulator", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=" + cn,
                "-ext", "SAN=" + names, "-validity", "2", "-storetype", "PKCS12", "-keystore", keys.toString(),
                "-storepass", password, "-keypass", password);
        keytool("-exportcert", "-alias", "simulator", "-keystore", keys.toString(), "-storepass", password, "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "simulator", "-file", cert.toString(), "-storetype", "PKCS12",
                "-keystore", trust.toString(), "-storepass", password);
        return new SelfSignedCertificate(keys, trust, password);
    }

    private static void keytool(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("keytool could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The simulator's key store (PKCS12): its key and certificate. */
    public Path keyStore() {
        return keyStore;
    }

    /** A trust store (PKCS12) holding the certificate alone. */
    public Path trustStore() {
        return trustStore;
    }

    public String password() {
        return password;
    }

    /** The server side, for {@link Ds3Simulator.Builder#tls}. */
    public SSLContext serverTls() {
        return serverTls(keyStore, password);
    }

    /** The server side of TLS from any PKCS12 key store holding one key and its certificate chain. */
    public static SSLContext serverTls(Path keyStore, String password) {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, password.toCharArray());
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, password.toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(factory.getKeyManagers(), null, null);
            return tls;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read " + keyStore + ": " + e.getMessage(), e);
        }
    }

    /** A client side that trusts this certificate alone. */
    public SSLContext clientTls() {
        try (InputStream in = Files.newInputStream(trustStore)) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(in, password.toCharArray());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, factory.getTrustManagers(), null);
            return tls;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read " + trustStore + ": " + e.getMessage(), e);
        }
    }
}
