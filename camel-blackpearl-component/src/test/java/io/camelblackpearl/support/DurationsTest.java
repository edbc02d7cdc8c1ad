package io.camelblackpearl.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The product's one duration syntax, and the simulator's reading of it (the simulator shares no code with the
 * component, so it writes the syntax again): both give the same answer to every line here.
 */
class DurationsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"500ms, PT0.5S", "30s, PT30S", "2m, PT2M", "1h30m, PT1H30M", "1d, PT24H", "1d2h3m4s500ms, PT26H3M4.5S",
        "PT2M, PT2M", "pt2h, PT2H", " 45m , PT45M", "0s, PT0S"})
    void readsTheSyntax(String text, Duration expected) {
        assertThat(Durations.parse(text)).isEqualTo(expected);
        assertThat(io.camelblackpearl.simulator.Durations.parse(text)).as("the simulator's reading").isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "abc", "-5s", "1.5s", "90", "5 m", "1m1h", "2w", "PT-2S", "ms", "s"})
    void refusesWhatIsNotADuration(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(text.trim());
        assertThatThrownBy(() -> io.camelblackpearl.simulator.Durations.parse(text)).as("the simulator's reading")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"250, PT0.25S", "30s, PT30S"})
    void readsPlainMillisecondsWhereCamelDoes(String text, Duration expected) {
        assertThat(Durations.parseMillisOrDuration(text)).isEqualTo(expected);
    }
}
