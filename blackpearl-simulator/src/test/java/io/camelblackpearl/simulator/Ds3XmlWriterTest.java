package io.camelblackpearl.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Ds3XmlWriterTest {

    @Test
    void theHandWrittenDateIsWhatTheFormatterWrites() {
        SplittableRandom random = new SplittableRandom(7);
        long lastSecondOf9999 = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant when = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, lastSecondOf9999 + 1),
                    random.nextInt(1_000_000_000));
            assertThat(Ds3XmlWriter.ds3Date(when)).as("%s", when).isEqualTo(Ds3XmlWriter.DS3_DATE.format(when));
        }
        for (String edge : new String[] {"1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                "2024-02-29T12:34:56.007Z", "-0001-12-31T23:59:59Z", "+10000-01-01T00:00:00Z"}) {
            Instant when = Instant.parse(edge);
            assertThat(Ds3XmlWriter.ds3Date(when)).as(edge).isEqualTo(Ds3XmlWriter.DS3_DATE.format(when));
        }
    }
}
