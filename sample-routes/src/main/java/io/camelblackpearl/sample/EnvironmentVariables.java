package io.camelblackpearl.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Gives environment variables their documented meaning, with one order of precedence for every setting:
 * JVM system property, then environment variable, then the user's properties file, then the defaults.
 * <p>
 * Camel Main 4.18.0 never applies {@code CAMEL_COMPONENT_*} variables: its auto-configuration compares the
 * upper-case variable names with lower-case prefixes ({@code "camel.component."}), so
 * {@code CAMEL_COMPONENT_BLACKPEARL_ENDPOINT} is silently ignored (for every component, not only ours).
 * This listener maps them the way Camel documents ({@code CAMEL_COMPONENT_BLACKPEARL_ACCESS_KEY} is
 * {@code camel.component.blackpearl.access-key}), and the sample's own {@code ESCALATION_*} settings too,
 * as override properties: above every properties file, below JVM system properties, which Camel Main
 * applies last. Environment variables are then only a fallback for placeholders, so that a system
 * property also wins over a variable for the sample's own settings, as it does for component options.
 */
final class EnvironmentVariables extends MainListenerSupport {

    private static final String COMPONENT_PREFIX = "CAMEL_COMPONENT_";

    private final Map<String, String> environment;
    private final List<String> settingKeys;

    /** {@code settingKeys}: the application's own keys, each read from the variable of the same name upper-cased. */
    EnvironmentVariables(Map<String, String> environment, List<String> settingKeys) {
        this.environment = environment;
        this.settingKeys = settingKeys;
    }

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        PropertiesComponent properties = main.getCamelContext().getPropertiesComponent();
        toProperties().forEach(properties::addOverrideProperty);
        if (properties instanceof org.apache.camel.component.properties.PropertiesComponent camelProperties) {
            camelProperties.setEnvironmentVariableMode(
                    org.apache.camel.component.properties.PropertiesComponent.ENVIRONMENT_VARIABLES_MODE_FALLBACK);
        }
    }

    /** The properties the variables stand for, e.g. {@code camel.component.blackpearl.endpoint}. */
    Map<String, String> toProperties() {
        Map<String, String> answer = new TreeMap<>();
        List<String> components = knownComponentPrefixes();
        environment.forEach((name, value) -> {
            String upper = name.toUpperCase(Locale.ROOT);
            if (upper.startsWith(COMPONENT_PREFIX) && upper.length() > COMPONENT_PREFIX.length()) {
                answer.put(componentProperty(upper, components), value);
            }
        });
        for (String key : settingKeys) {
            String value = environment.get(variableName(key));
            if (value != null) {
                answer.put(key, value);
            }
        }
        return answer;
    }

    /** {@code escalation.max-runs} is read from {@code ESCALATION_MAX_RUNS}. */
    static String variableName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The longest known component name that prefixes the variable (aws2-s3 before aws2), else the first word. */
    private static String componentProperty(String variable, List<String> knownPrefixes) {
        String rest = variable.substring(COMPONENT_PREFIX.length());
        String component = knownPrefixes.stream().filter(rest::startsWith).findFirst()
                .map(p -> p.substring(0, p.length() - 1))
                .orElseGet(() -> rest.contains("_") ? rest.substring(0, rest.indexOf('_')) : rest);
        String option = rest.length() > component.length() ? rest.substring(component.length() + 1) : "";
        return "camel.component." + dashed(component) + "." + dashed(option);
    }

    private static String dashed(String upperSnake) {
        return upperSnake.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Camel's list of its own component names, as variable prefixes such as {@code AWS2_S3_}, longest first. */
    private static List<String> knownComponentPrefixes() {
        List<String> names = new ArrayList<>();
        try (InputStream in = EnvironmentVariables.class.getResourceAsStream("/org/apache/camel/main/components.properties")) {
            if (in != null) {
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                        .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .forEach(l -> names.add(variableName(l) + "_"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        names.add("BLACKPEARL_");
        names.sort(Comparator.comparingInt(String::length).reversed());
        return names;
    }
}
