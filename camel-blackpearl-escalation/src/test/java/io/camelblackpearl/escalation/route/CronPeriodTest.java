package io.camelblackpearl.escalation.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CronPeriodTest {

    @Test
    void periodsOfCrons() {
        assertThat(CronPeriod.of("cron", "0/3 * * * * ?")).contains(Duration.ofSeconds(3));
        assertThat(CronPeriod.of("cron", "0 */5 * * * ?")).contains(Duration.ofMinutes(5));
        assertThat(CronPeriod.of("cron", "0 0 0 1 1 ? 2099")).as("fires once more: no period").isEmpty();
        assertThatThrownBy(() -> CronPeriod.of("escalation.cron", "0 0 0 1 1 ? 2001"))
                .hasMessageContaining("escalation.cron").hasMessageContaining("never fires again");
        assertThatThrownBy(() -> CronPeriod.of("escalation.cron", "every minute"))
                .hasMessageContaining("'every minute' is not a Quartz cron expression");
    }
}
