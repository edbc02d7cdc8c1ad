package io.camelblackpearl.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelblackpearl.simulator.SimulatedJob;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad input is refused with a message naming where it came from and what it was, and nothing is sent. */
class BadInputTest extends BlackPearlTestSupport {

    @AfterEach
    void nothingWasSent() {
        assertThat(appliance().totalRequests()).as("requests the simulator received").isZero();
    }

    static Stream<Arguments> badHeaders() {
        return Stream.of(
                Arguments.of("blackpearl:activeJob", Map.of(BlackPearlConstants.PRIORITY, "SUPER"),
                        new String[] {"CamelBlackPearlPriority", "'SUPER'"}),
                Arguments.of("blackpearl:activeJob", Map.of(BlackPearlConstants.PRIORITY, "CRITICAL"),
                        new String[] {"CamelBlackPearlPriority", "'CRITICAL'", "allowReservedPriorities"}),
                Arguments.of("blackpearl:activeJob", Map.of(BlackPearlConstants.PRIORITY, "background"),
                        new String[] {"CamelBlackPearlPriority", "'BACKGROUND'"}),
                Arguments.of("blackpearl:activeJob", Map.of(BlackPearlConstants.CREATED_AT, "yesterday"),
                        new String[] {"CamelBlackPearlCreatedAt", "'yesterday'"}),
                Arguments.of("blackpearl:activeJob", Map.of(BlackPearlConstants.CREATED_AT, "2026-01-01T00:00:00"),
                        new String[] {"CamelBlackPearlCreatedAt", "'2026-01-01T00:00:00'", "zone"}),
                Arguments.of("blackpearl:activeJob", Map.of(BlackPearlConstants.CREATED_AT, -5),
                        new String[] {"CamelBlackPearlCreatedAt", "'-5'"}),
                Arguments.of("blackpearl:activeJob", Map.of(BlackPearlConstants.PROTECTED, "yes"),
                        new String[] {"CamelBlackPearlProtected", "'yes'"}),
                Arguments.of("blackpearl:activeJob", Map.of(BlackPearlConstants.OPERATION, "destroy"),
                        new String[] {"CamelBlackPearlOperation", "'destroy'"}),
                Arguments.of("blackpearl:job", Map.of(BlackPearlConstants.OPERATION, "cancel"),
                        new String[] {"CamelBlackPearlOperation", "'cancel'", "blackpearl:activeJob"}));
    }

    @ParameterizedTest
    @MethodSource("badHeaders")
    void badHeaderValuesAreRefusedBeforeSending(String uri, Map<String, Object> headers, String[] mentions) {
        SimulatedJob job = seedJob("j", "LOW", Duration.ofHours(1));
        Map<String, Object> all = new HashMap<>(headers);
        all.put(BlackPearlConstants.JOB_ID, job.id().toString());
        Exchange exchange = template.request(uri, e -> e.getMessage().setHeaders(all));
        assertThat(exchange.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll(mentions);
        assertThat(current(job).priority()).isEqualTo("LOW");
    }

    static Stream<Arguments> badJobIds() {
        return Stream.of(
                Arguments.of("", "No job id"),
                Arguments.of("  ", "No job id"),
                Arguments.of("../admin", "'..'"),
                Arguments.of("abc/def", "'/'"),
                Arguments.of("abc?force", "'?'"),
                Arguments.of("abc#x", "'#'"),
                Arguments.of("abc\u0000", "control character"));
    }

    @ParameterizedTest
    @MethodSource("badJobIds")
    void emptyOrUnsafeJobIdsAreRefused(String jobId, String why) {
        Exchange exchange = template.request("blackpearl:activeJob?priority=HIGH",
                e -> e.getMessage().setHeader(BlackPearlConstants.JOB_ID, jobId));
        assertThat(exchange.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CamelBlackPearlJobId").hasMessageContaining(why);
    }

    @Test
    void aMissingJobIdNamesTheHeaderAndTheOption() {
        Exchange exchange = template.request("blackpearl:activeJob?priority=HIGH", e -> { });
        assertThat(exchange.getException()).hasMessageContainingAll("CamelBlackPearlJobId", "jobId");
    }

    static Stream<Arguments> badUris() {
        return Stream.of(
                Arguments.of("blackpearl:activeJob?priority=SUPER", new String[] {"priority", "SUPER"}),
                Arguments.of("blackpearl:activeJob?priority=CRITICAL", new String[] {"priority", "'CRITICAL'", "allowReservedPriorities"}),
                Arguments.of("blackpearl:activeJob?createdAt=tomorrow", new String[] {"createdAt", "'tomorrow'"}),
                Arguments.of("blackpearl:activeJob?endpoint=ftp://bp.example.com", new String[] {"endpoint", "'ftp://bp.example.com'"}),
                Arguments.of("blackpearl:activeJob?operation=list&bucketId=media", new String[] {"bucketId", "'media'", "UUID"}),
                Arguments.of("blackpearl:activeJob?operation=list&pageLength=0", new String[] {"pageLength", "'0'"}),
                Arguments.of("blackpearl:job?operation=list", new String[] {"operation", "'list'", "blackpearl:activeJob"}),
                Arguments.of("blackpearl:jobs", new String[] {"'jobs'", "activeJob"}));
    }

    @ParameterizedTest
    @MethodSource("badUris")
    void badEndpointOptionsAreRefusedWhenTheEndpointIsCreated(String uri, String[] mentions) {
        assertThatThrownBy(() -> context.getEndpoint(uri))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .satisfies(e -> assertThat(fullMessage(e)).contains(mentions));
    }

    @Test
    void missingConnectionOptionsAreNamed() {
        BlackPearlComponent bare = new BlackPearlComponent();
        context.addComponent("bare", bare);
        assertThatThrownBy(() -> context.getEndpoint("bare:activeJob"))
                .satisfies(e -> assertThat(fullMessage(e)).contains("Missing option endpoint"));
        bare.getConfiguration().setEndpoint(BLACKPEARL.endpoint());
        assertThatThrownBy(() -> context.getEndpoint("bare:activeJob?jobId=a"))
                .satisfies(e -> assertThat(fullMessage(e)).contains("Missing option accessKey"));
        bare.getConfiguration().setAccessKey("a2V5");
        assertThatThrownBy(() -> context.getEndpoint("bare:activeJob?jobId=b"))
                .satisfies(e -> assertThat(fullMessage(e)).contains("Missing option secretKey"));
    }

    /** Each numeric and duration option with text Camel would have read as 0, and with a negative value. */
    static Stream<Arguments> badNumbers() {
        return Stream.of(
                Arguments.of("maxRetries", "abc", "expected a whole number"),
                Arguments.of("maxRetries", "-1", "it must not be negative"),
                Arguments.of("maxRedirects", "abc", "expected a whole number"),
                Arguments.of("maxConnections", "many", "expected a whole number"),
                Arguments.of("maxConnections", "0", "it must be at least 1"),
                Arguments.of("pageLength", "abc", "expected a whole number"),
                Arguments.of("pageLength", "1.5", "expected a whole number"),
                Arguments.of("callTimeout", "xyz", "expected a duration"),
                Arguments.of("callTimeout", "1.5s", "expected a duration"),
                Arguments.of("connectTimeout", "-5s", "it must not be negative"),
                Arguments.of("responseTimeout", "soon", "expected a duration"),
                Arguments.of("retryInitialDelay", "-200", "it must not be negative"),
                Arguments.of("retryMaxDelay", "-1s", "it must not be negative"),
                Arguments.of("waitingAfter", "2 hours", "expected a duration"),
                Arguments.of("delay", "0", "it must be at least 1 ms"),
                Arguments.of("delay", "often", "expected a duration"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badNumbers")
    void numbersAndDurationsAreReadStrictlyNamingTheValueAsGiven(String option, String value, String why) {
        assertThatThrownBy(() -> context.getEndpoint("blackpearl:activeJob?priority=HIGH&" + option + "=" + value))
                .satisfies(e -> assertThat(fullMessage(e)).contains("Invalid option " + option + " value '" + value + "': " + why));
    }

    @Test
    void everyDurationFormCamelDocumentsIsAccepted() {
        for (String[] form : new String[][] {{"120000", "120000"}, {"2m", "120000"}, {"1m30s", "90000"}, {"500ms", "500"},
            {"PT2M", "120000"}, {"1h", "3600000"}, {"1d", "86400000"}}) {
            BlackPearlEndpoint endpoint = context.getEndpoint("blackpearl:activeJob?priority=HIGH&callTimeout=" + form[0],
                    BlackPearlEndpoint.class);
            assertThat(endpoint.getConfiguration().getCallTimeout()).as(form[0]).isEqualTo(Long.parseLong(form[1]));
        }
    }

    private static String fullMessage(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            s.append(t.getMessage()).append(" | ");
        }
        return s.toString();
    }
}
