package io.camelblackpearl.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CLI's --fault grammar: each documented form, and a message naming the wrong part of a bad one. */
class FaultSpecTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "modify:503:0.2:retry-after=2 | MODIFY_ACTIVE_JOB | ErrorResponse[status=503, code=ServiceUnavailable, message=Injected failure, retryAfterSeconds=2] | 0.2",
        "any:reset:0.05               |                   | ResetMidBody[]                                   | 0.05",
        "list:delay=300ms             | LIST_ACTIVE_JOBS  | Delay[min=PT0.3S, max=PT0.3S]                      | 1.0",
        "list:delay=50ms-400ms        | LIST_ACTIVE_JOBS  | Delay[min=PT0.05S, max=PT0.4S]                     | 1.0",
        "get:stall:0.01               | GET_ACTIVE_JOB    | Stall[duration=PT10M]                            | 0.01",
        "get:stall:for=2s             | GET_ACTIVE_JOB    | Stall[duration=PT2S]                             | 1.0",
        "modify:html                  | MODIFY_ACTIVE_JOB | ProxyHtmlError[status=500]                       | 1.0",
        "modify:html:status=502       | MODIFY_ACTIVE_JOB | ProxyHtmlError[status=502]                       | 1.0",
        "list:not-xml                 | LIST_ACTIVE_JOBS  | NotXml[]                                         | 1.0",
        "cancel:drop                  | CANCEL_ACTIVE_JOB | DropConnection[]                                 | 1.0",
        "modify-job:redirect          | MODIFY_JOB        | Redirect[]                                       | 1.0",
        "get-job:truncated:0.5        | GET_JOB           | TruncatedBody[]                                  | 0.5",
        "truncate:malformed           | TRUNCATE_ACTIVE_JOB | MalformedBody[]                                | 1.0",
        "modify:vanish:times=3        | MODIFY_ACTIVE_JOB | JobVanishes[]                                    | 1.0",
    })
    void readsEachDocumentedForm(String text, String operation, String fault, double rate) {
        FaultSpec spec = FaultSpec.parse(text);
        assertThat(spec.operation() == null ? null : spec.operation().name()).isEqualTo(operation);
        assertThat(spec.fault()).hasToString(fault);
        assertThat(spec.rate()).isEqualTo(rate);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "modify                 | expected OPERATION:KIND",
        "delete:503             | unknown operation 'delete'",
        "modify:teapot          | unknown kind 'teapot'",
        "modify:200             | status 200 is not an error status",
        "modify:503:1.5         | rate 1.5 must be above 0 and at most 1",
        "modify:503:0           | rate 0 must be above 0 and at most 1",
        "modify:503:often       | rate 'often' is not a number",
        "list:delay=soon        | delay 'soon' is not a duration",
        "list:delay=400ms-50ms  | runs backwards",
        "modify:503:colour=red  | unknown key 'colour'",
    })
    void refusesABadFaultNamingWhatIsWrong(String text, String message) {
        assertThatThrownBy(() -> FaultSpec.parse(text)).hasMessageContaining("--fault '" + text + "'").hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"300ms, PT0.3S", "90s, PT1M30S", "30m, PT30M", "2h, PT2H", "3d, PT72H", "PT2S, PT2S", "1h30m, PT1H30M", "2s500ms, PT2.5S"})
    void durationsAsPeopleWriteThem(String text, Duration expected) {
        assertThat(Durations.parse(text)).isEqualTo(expected);
    }
}
