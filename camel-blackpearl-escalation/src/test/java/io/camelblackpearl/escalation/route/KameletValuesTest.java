package io.camelblackpearl.escalation.route;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KameletValuesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // URL-encoded, as a YAML map delivers it: decoded
        "classpath%3Aescalation%2Frun-policy.yaml | classpath:escalation/run-policy.yaml",
        "0%2F1+*+*+*+*+%3F                        | 0/1 * * * * ?",
        "blackpearl%3AactiveJob%3FpageLength%3D5  | blackpearl:activeJob?pageLength=5",
        // as written, from a URI: kept
        "classpath:escalation/run-policy.yaml      | classpath:escalation/run-policy.yaml",
        "0/1 * * * * ?                             | 0/1 * * * * ?",
        "/etc/policies/100%25 sure.yaml            | /etc/policies/100%25 sure.yaml",
        "blackpearl:activeJob?pageLength=5         | blackpearl:activeJob?pageLength=5",
        "node-1                                    | node-1",
    })
    void decodesTheEncodedFormOnly(String given, String expected) {
        assertThat(KameletValues.decoded(given)).isEqualTo(expected);
    }
}
