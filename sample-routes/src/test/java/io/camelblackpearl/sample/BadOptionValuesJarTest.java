package io.camelblackpearl.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The component's numeric and duration options given bad values the two other ways a user gives them to
 * the packaged application: as environment variables and as JVM system properties. (The endpoint URI way
 * is BadInputTest's.) The application stops before any request, naming the option, where it came from and
 * the value exactly as written; the appliance is untouched.
 */
class BadOptionValuesJarTest {

    @org.junit.jupiter.api.io.TempDir
    static Path dir;

    private static final String SECRET = "s3cr3t-" + UUID.randomUUID();
    private static TestAppliance appliance;

    @BeforeAll
    static void startAppliance() throws Exception {
        appliance = TestAppliance.start(dir, SECRET, List.of());
    }

    @AfterAll
    static void stopAppliance() throws Exception {
        appliance.close();
    }

    @ParameterizedTest(name = "{0}={1} as {3}")
    @CsvSource(delimiter = '|', value = {
        "max-retries       | abc  | expected a whole number      | environment",
        "max-retries       | abc  | expected a whole number      | system property",
        "call-timeout      | xyz  | expected a duration          | environment",
        "call-timeout      | xyz  | expected a duration          | system property",
        "max-redirects     | abc  | expected a whole number      | environment",
        "max-redirects     | abc  | expected a whole number      | system property",
        "connect-timeout   | -5s  | it must not be negative       | environment",
        "connect-timeout   | -5s  | it must not be negative       | system property",
        "response-timeout  | soon | expected a duration          | environment",
        "response-timeout  | soon | expected a duration          | system property",
        "page-length       | abc  | expected a whole number      | environment",
        "page-length       | abc  | expected a whole number      | system property",
        "retry-max-delay   | -1s  | it must not be negative       | environment",
        "retry-max-delay   | -1s  | it must not be negative       | system property",
        "retry-initial-delay | 1.5s | expected a duration        | environment",
        "retry-initial-delay | 1.5s | expected a duration        | system property",
        "max-connections   | 0    | it must be at least 1        | environment",
        "max-connections   | 0    | it must be at least 1        | system property",
        "waiting-after     | later | expected a duration         | environment",
        "waiting-after     | later | expected a duration         | system property",
    })
    void aBadValueStopsTheApplicationNamingItBeforeAnyRequest(String option, String value, String why, String way) throws Exception {
        String property = "camel.component.blackpearl." + option;
        Map<String, String> env = new TreeMap<>();
        env.put("CAMEL_COMPONENT_BLACKPEARL_ENDPOINT", appliance.endpoint);
        env.put("CAMEL_COMPONENT_BLACKPEARL_ACCESS_KEY", TestAppliance.ACCESS_KEY);
        env.put("CAMEL_COMPONENT_BLACKPEARL_SECRET_KEY", SECRET);
        env.put("ESCALATION_POLICY_FILE", TestAppliance.class.getResource("/appliance-policy.yaml").getPath());
        List<String> jvm = List.of();
        if (way.equals("environment")) {
            env.put(EnvironmentVariables.variableName(property), value);
        } else {
            jvm = List.of("-D" + property + "=" + value);
        }
        String camelName = camelCase(option);
        try (JavaProcess sample = JavaProcess.start(dir, "bad-" + option + "-" + way.charAt(0), jvm, "sample.jar", List.of(), env)) {
            assertThat(sample.awaitExit(60)).isNotZero();
            assertThat(sample.output()).contains("Invalid option " + camelName + " (", "value '" + value + "': " + why)
                    .doesNotContain(SECRET);
        }
        assertThat(appliance.api.activeJobs()).as("no job changed").isEqualTo(appliance.before);
    }

    private static String camelCase(String dashed) {
        StringBuilder s = new StringBuilder();
        boolean upper = false;
        for (char c : dashed.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                s.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return s.toString();
    }
}
