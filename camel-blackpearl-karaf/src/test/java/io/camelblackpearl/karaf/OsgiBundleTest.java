package io.camelblackpearl.karaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.camel.Component;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The component jar as an OSGi bundle, in an embedded Apache Felix: the framework exports the Camel packages
 * at 4.18.0 (what Camel Karaf 4.18 exports; the classes come from the real Camel jars on this class path) and
 * SLF4J (Karaf's logging); every other import must be met by the bundles features.xml installs (a {@code wrap:}
 * one wrapped as its instructions say) and those Camel's jacksonxml feature brings, so a missing or wrong
 * bundle fails. The bundle must resolve and start, every class must load through it, and Camel's service
 * file must name a component class the bundle loads.
 * A real Karaf is not available here (Camel Karaf's features are not served): docs/karaf.md says what that leaves.
 */
class OsgiBundleTest {

    private static final Pattern CLAUSE = Pattern.compile("([^;,\\s]+)((?:;[^,\"]*(?:\"[^\"]*\")?)*)");
    private static final Pattern VERSION_RANGE = Pattern.compile("version=\"?[\\[(]?([0-9.]+)");

    @TempDir
    Path dir;

    private static Path bundleJar() {
        Path jar = Path.of(System.getProperty("bundle.jar"));
        assertThat(jar).as("the component's bundle; run mvn verify from the root").exists();
        return jar;
    }

    /** The packages a bundle imports, with the version each would be exported at here. */
    private static Map<String, String> imports(Manifest manifest, String camelVersion) {
        Map<String, String> packages = new HashMap<>();
        String header = manifest.getMainAttributes().getValue(Constants.IMPORT_PACKAGE);
        Matcher clause = CLAUSE.matcher(header);
        while (clause.find()) {
            String name = clause.group(1);
            if (name.startsWith("java.") || name.startsWith("io.camelblackpearl.")) {
                continue;
            }
            Matcher range = VERSION_RANGE.matcher(clause.group(2));
            packages.put(name, name.startsWith("org.apache.camel") ? camelVersion : range.find() ? range.group(1) : "0.0.0");
        }
        return packages;
    }

    private Framework framework(Map<String, String> exports) throws BundleException {
        StringBuilder extra = new StringBuilder();
        exports.forEach((name, version) -> extra.append(extra.length() == 0 ? "" : ",").append(name).append(";version=").append(version));
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, dir.resolve("felix-cache").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, extra.toString());
        Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.start();
        return framework;
    }

    @Test
    void resolvesAgainstCamel418LoadsEveryClassAndNamesItsComponent() throws Exception {
        Manifest manifest;
        List<String> classes = new ArrayList<>();
        try (JarFile jar = new JarFile(bundleJar().toFile())) {
            manifest = jar.getManifest();
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (name.endsWith(".class") && !name.contains("-")) {
                    classes.add(name.substring(0, name.length() - 6).replace('/', '.'));
                }
            }
        }
        Attributes main = manifest.getMainAttributes();
        assertThat(main.getValue(Constants.BUNDLE_SYMBOLICNAME)).isEqualTo("io.camelblackpearl.camel-blackpearl");
        assertThat(main.getValue(Constants.IMPORT_PACKAGE)).contains("org.apache.camel;version=\"[4.18,5)\"");

        String features = Files.readString(Path.of(System.getProperty("features.xml")), StandardCharsets.UTF_8);
        Framework framework = framework(camelAndLogging(manifest));
        try {
            Bundle bundle = installAndStart(framework, featureBundles(features));
            assertThat(bundle.getState()).isEqualTo(Bundle.ACTIVE);
            assertThat(classes).hasSizeGreaterThan(50);
            for (String name : classes) {
                assertThat(bundle.loadClass(name)).as(name).isNotNull();
            }
            String service;
            try (InputStream in = bundle.getEntry("META-INF/services/org/apache/camel/component/blackpearl").openStream()) {
                service = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Matcher className = Pattern.compile("(?m)^class=(\\S+)").matcher(service);
            assertThat(className.find()).as(service).isTrue();
            Class<?> component = bundle.loadClass(className.group(1));
            assertThat(Component.class.isAssignableFrom(component))
                    .as("the service file names a Camel component, seen through the framework's Camel packages").isTrue();
            assertThat(bundle.getEntry("META-INF/services/org/apache/camel/configurer/blackpearl-component")).isNotNull();
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    /** The check is real: a Camel import range that 4.18 does not satisfy makes the same bundle fail to resolve. */
    @Test
    void aCamelImportRangeThat418DoesNotSatisfyFailsToResolve() throws Exception {
        Path wrong = dir.resolve("wrong-range.jar");
        Manifest manifest;
        try (JarFile jar = new JarFile(bundleJar().toFile())) {
            manifest = jar.getManifest();
            Attributes main = manifest.getMainAttributes();
            main.putValue(Constants.IMPORT_PACKAGE, main.getValue(Constants.IMPORT_PACKAGE).replace("[4.18,5)", "[4.19,5)"));
            try (OutputStream out = Files.newOutputStream(wrong); JarOutputStream copy = new JarOutputStream(out, manifest)) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().equals("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    copy.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream in = jar.getInputStream(entry)) {
                        in.transferTo(copy);
                    }
                    copy.closeEntry();
                }
            }
        }
        String features = Files.readString(Path.of(System.getProperty("features.xml")), StandardCharsets.UTF_8);
        Framework framework = framework(camelAndLogging(manifest));
        try {
            for (Path jar : featureBundles(features)) {
                framework.getBundleContext().installBundle(jar.toUri().toString());
            }
            Bundle bundle = framework.getBundleContext().installBundle(wrong.toUri().toString());
            assertThatThrownBy(bundle::start).isInstanceOf(BundleException.class).hasMessageContaining("org.apache.camel");
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    /**
     * The bundles Camel Karaf's camel-core and camel-jacksonxml features bring, which features.xml relies on (Camel
     * Karaf itself is not served here): Jackson's core, databind, annotations and XML data format, Woodstox and the
     * Stax2 API, as the jars on this class path (Camel 4.18's versions).
     */
    private static final List<String> FROM_CAMEL_FEATURES = List.of("jackson-core", "jackson-databind", "jackson-annotations",
            "jackson-dataformat-xml", "woodstox-core", "stax2-api");

    /**
     * The bundles a Karaf would install for {@code feature:install camel-blackpearl}, but Camel's own: every
     * {@code <bundle>} of features.xml (a {@code wrap:} one wrapped here as its instructions say) and the Jackson and
     * StAX bundles of Camel's features.
     */
    private List<Path> featureBundles(String features) throws IOException {
        List<Path> bundles = new ArrayList<>();
        Matcher bundle = Pattern.compile("<bundle[^>]*>(wrap:)?mvn:([^/]+)/([^/]+)/([^<$/]+)(?:\\$([^<]*))?</bundle>").matcher(features);
        Path repository = Path.of(System.getProperty("local.repository"));
        while (bundle.find()) {
            if (bundle.group(3).equals("camel-blackpearl")) {
                continue;
            }
            Path jar = repository.resolve(bundle.group(2).replace('.', '/')).resolve(bundle.group(3)).resolve(bundle.group(4))
                    .resolve(bundle.group(3) + "-" + bundle.group(4) + ".jar");
            bundles.add(bundle.group(1) == null ? jar : wrap(jar, bundle.group(5).replace("&amp;", "&")));
        }
        for (String artifact : FROM_CAMEL_FEATURES) {
            bundles.add(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of)
                    .filter(p -> p.getFileName().toString().matches(Pattern.quote(artifact) + "-[0-9][^-]*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError(artifact + " is not on the test class path")));
        }
        return bundles;
    }

    /**
     * What Karaf's {@code wrap:} makes of a plain jar: the instructions' headers, Export-Package patterns expanded
     * to the jar's packages, and (as bnd's wrap does with {@code *;resolution:=optional}) whatever else it needs
     * imported when present.
     */
    private Path wrap(Path jar, String instructions) throws IOException {
        Map<String, String> headers = new HashMap<>();
        for (String instruction : instructions.split("&")) {
            int eq = instruction.indexOf('=');
            headers.put(instruction.substring(0, eq), instruction.substring(eq + 1));
        }
        Path wrapped = dir.resolve("wrapped-" + jar.getFileName());
        try (JarFile in = new JarFile(jar.toFile())) {
            Set<String> packages = new TreeSet<>();
            in.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class") && n.contains("/"))
                    .forEach(n -> packages.add(n.substring(0, n.lastIndexOf('/')).replace('/', '.')));
            Matcher export = Pattern.compile("([a-z0-9.]+)\\.\\*;version=([0-9.]+)").matcher(headers.remove("Export-Package"));
            assertThat(export.matches()).as("an Export-Package of the form prefix.*;version=V in %s", instructions).isTrue();
            String exports = packages.stream().filter(p -> p.equals(export.group(1)) || p.startsWith(export.group(1) + "."))
                    .map(p -> p + ";version=" + export.group(2)).collect(Collectors.joining(","));
            Manifest manifest = new Manifest();
            Attributes main = manifest.getMainAttributes();
            main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
            headers.forEach(main::putValue);
            main.putValue(Constants.EXPORT_PACKAGE, exports);
            main.putValue(Constants.DYNAMICIMPORT_PACKAGE, "*");
            try (OutputStream out = Files.newOutputStream(wrapped); JarOutputStream copy = new JarOutputStream(out, manifest)) {
                for (Enumeration<JarEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().equals("META-INF/MANIFEST.MF") || entry.isDirectory()) {
                        continue;
                    }
                    copy.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream data = in.getInputStream(entry)) {
                        data.transferTo(copy);
                    }
                    copy.closeEntry();
                }
            }
        }
        return wrapped;
    }

    /** Only Camel's packages (Camel Karaf 4.18) and SLF4J (Karaf's logging) come from the framework. */
    private static Map<String, String> camelAndLogging(Manifest manifest) {
        Map<String, String> exports = new HashMap<>();
        imports(manifest, "4.18.0").forEach((name, version) -> {
            if (name.startsWith("org.apache.camel")) {
                exports.put(name, version);
            }
        });
        exports.put("org.slf4j", "2.0.17");
        exports.put("org.slf4j.spi", "2.0.17");
        exports.put("org.slf4j.event", "2.0.17");
        exports.put("org.slf4j.helpers", "2.0.17");
        return exports;
    }

    private Bundle installAndStart(Framework framework, List<Path> bundles) throws BundleException {
        for (Path jar : bundles) {
            framework.getBundleContext().installBundle(jar.toUri().toString());
        }
        Bundle component = framework.getBundleContext().installBundle(bundleJar().toUri().toString());
        component.start();
        return component;
    }

    /**
     * The component resolves against the bundles features.xml names (and Camel's features bring), not against
     * packages the framework makes up: every non-Camel import is satisfied by a real bundle at its real version.
     */
    @Test
    void resolvesAgainstTheBundlesTheFeatureInstalls() throws Exception {
        String features = Files.readString(Path.of(System.getProperty("features.xml")), StandardCharsets.UTF_8);
        Manifest manifest;
        try (JarFile jar = new JarFile(bundleJar().toFile())) {
            manifest = jar.getManifest();
        }
        Framework framework = framework(camelAndLogging(manifest));
        try {
            Bundle component = installAndStart(framework, featureBundles(features));
            assertThat(component.getState()).isEqualTo(Bundle.ACTIVE);
            for (String used : List.of("io.camelblackpearl.ds3.HttpDs3Client", "io.camelblackpearl.ds3.Ds3Xml",
                    "io.camelblackpearl.component.BlackPearlComponent")) {
                Class<?> type = component.loadClass(used);
                assertThat(type).as(used).isNotNull();
            }
            // Reading XML through the bundle's wiring: Jackson, Woodstox and Stax2 from their bundles.
            Class<?> xml = component.loadClass("io.camelblackpearl.ds3.Ds3Xml");
            Object jobs = xml.getMethod("readActiveJobs", InputStream.class).invoke(null, new ByteArrayInputStream(
                    "<Data><Job><Id>2d9e5b43-3a5c-4d6e-9f3b-0c1d2e3f4a5b</Id><Priority>HIGH</Priority></Job></Data>"
                            .getBytes(StandardCharsets.UTF_8)));
            assertThat((List<?>) jobs).hasSize(1);
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    /** The check is real: without one bundle of the feature, the component does not resolve, naming what is missing. */
    @Test
    void aMissingBundleOfTheFeatureFailsToResolve() throws Exception {
        String features = Files.readString(Path.of(System.getProperty("features.xml")), StandardCharsets.UTF_8);
        Manifest manifest;
        try (JarFile jar = new JarFile(bundleJar().toFile())) {
            manifest = jar.getManifest();
        }
        for (String missing : List.of("jackson-datatype-jsr310", "httpclient5", "stax2-api")) {
            List<Path> bundles = new ArrayList<>(featureBundles(features));
            assertThat(bundles.removeIf(p -> p.getFileName().toString().matches("(wrapped-)?" + Pattern.quote(missing) + "-[0-9].*")))
                    .as("%s is among the bundles", missing).isTrue();
            Framework framework = framework(camelAndLogging(manifest));
            try {
                assertThatThrownBy(() -> installAndStart(framework, bundles)).as("without %s", missing)
                        .isInstanceOf(BundleException.class).hasMessageContaining("Unable to resolve");
            } finally {
                framework.stop();
                framework.waitForStop(10_000);
            }
        }
    }

    /** features.xml names the component bundle at this version, Camel Karaf 4.18 features, and bundles that exist. */
    @Test
    void theFeatureNamesBundlesThatExistAndCamel418() throws IOException {
        String features = Files.readString(Path.of(System.getProperty("features.xml")), StandardCharsets.UTF_8);
        assertThat(features).doesNotContain("${").contains("<feature name=\"camel-blackpearl\"",
                "mvn:org.apache.camel.karaf/apache-camel/4.18.0/xml/features",
                "<feature version=\"[4.18,5)\">camel-core</feature>",
                "<feature version=\"[4.18,5)\">camel-jacksonxml</feature>", "<bundle>mvn:io.camelblackpearl/camel-blackpearl/0.1.0-SNAPSHOT</bundle>");
        Set<String> bundles = new LinkedHashSet<>();
        Matcher bundle = Pattern.compile("<bundle[^>]*>(?:wrap:)?mvn:([^/]+)/([^/]+)/([^<$/]+)").matcher(features);
        while (bundle.find()) {
            bundles.add(bundle.group(1) + ":" + bundle.group(2) + ":" + bundle.group(3));
        }
        assertThat(bundles).hasSizeGreaterThanOrEqualTo(5);
        Path repository = Path.of(System.getProperty("local.repository"));
        for (String coordinates : bundles) {
            String[] gav = coordinates.split(":");
            if (gav[1].equals("camel-blackpearl")) {
                continue;
            }
            Path jar = repository.resolve(gav[0].replace('.', '/')).resolve(gav[1]).resolve(gav[2])
                    .resolve(gav[1] + "-" + gav[2] + ".jar");
            assertThat(jar).as("the jar of %s", coordinates).exists();
            try (JarFile file = new JarFile(jar.toFile())) {
                boolean osgi = file.getManifest() != null && file.getManifest().getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME) != null;
                boolean wrapped = features.contains("wrap:mvn:" + gav[0] + "/" + gav[1] + "/" + gav[2]);
                assertThat(osgi || wrapped).as("%s is a bundle, or wrapped in features.xml", coordinates).isTrue();
            }
        }
    }
}
