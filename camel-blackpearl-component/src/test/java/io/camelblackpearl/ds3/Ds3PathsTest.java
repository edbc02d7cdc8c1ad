package io.camelblackpearl.ds3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Job ids are percent-encoded into the path, and ids that could change the path are refused. */
class Ds3PathsTest {

    @Test
    void encodesAJobNameWithSpacesAndPlusSigns() {
        assertThat(Ds3Paths.jobPath(Ds3Paths.ACTIVE_JOB, "restore 1+2 é"))
                .isEqualTo("/_rest_/active_job/restore%201%2B2%20%C3%A9");
    }

    @Test
    void leavesAUuidAsItIs() {
        assertThat(Ds3Paths.jobPath(Ds3Paths.JOB, "1a85e743-ec8f-4789-afec-97e587a26936"))
                .isEqualTo("/_rest_/job/1a85e743-ec8f-4789-afec-97e587a26936");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a/b", "a?b", "a#b", "..", "x..y", "a\nb", "a\\b"})
    void refusesUnsafeIds(String id) {
        assertThat(Ds3Paths.unsafeJobIdReason(id)).isNotNull();
        assertThatThrownBy(() -> Ds3Paths.jobPath(Ds3Paths.ACTIVE_JOB, id)).isInstanceOf(IllegalArgumentException.class);
    }
}
