package io.camelblackpearl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dependencies point one way, component → escalation → ds3: checked on the sources' imports. */
class LayeringTest {

    @ParameterizedTest(name = "{0} does not import {1}")
    @CsvSource({
        "ds3, org.apache.camel.",
        "ds3, io.camelblackpearl.escalation.",
        "ds3, io.camelblackpearl.component.",
        "escalation, org.apache.camel.",
        "escalation, org.apache.hc.",
        "escalation, io.camelblackpearl.component.",
        "events, org.apache.camel.",
        "events, org.apache.hc.",
        "events, io.camelblackpearl.escalation.",
        "events, io.camelblackpearl.component.",
    })
    void layersImportOnlyDownwards(String layer, String forbidden) throws IOException {
        Path root = Path.of("src", "main", "java", "io", "camelblackpearl", layer);
        try (Stream<Path> files = Files.walk(root)) {
            List<String> offending = files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(p -> lines(p).stream().filter(l -> l.startsWith("import " + forbidden)).map(l -> p.getFileName() + ": " + l))
                    .toList();
            assertThat(offending).isEmpty();
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
