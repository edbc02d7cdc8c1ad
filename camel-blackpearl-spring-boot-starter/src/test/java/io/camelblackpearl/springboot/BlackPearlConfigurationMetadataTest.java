package io.camelblackpearl.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The IDE's completion (the generated spring-configuration-metadata.json) lists every option of the
 * component's catalog (blackpearl.json) under camel.component.blackpearl, with the catalog's description word for word, and nothing else:
 * a new component option without its Boot property fails here.
 */
class BlackPearlConfigurationMetadataTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyCatalogOptionIsABootPropertyWithItsDescription() throws Exception {
        JsonNode catalog;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/camelblackpearl/component/blackpearl.json")) {
            catalog = JSON.readTree(in).get("componentProperties");
        }
        Map<String, String> boot = new TreeMap<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
            if (!url.toString().contains("camel-blackpearl-spring-boot-starter")) {
                continue;
            }
            try (InputStream in = url.openStream()) {
                for (JsonNode property : JSON.readTree(in).get("properties")) {
                    String name = property.get("name").asText();
                    if (name.startsWith("camel.component.blackpearl.") && !name.equals("camel.component.blackpearl.enabled")) {
                        boot.put(name, property.path("description").asText(""));
                    }
                }
            }
        }
        Map<String, String> expected = new TreeMap<>();
        catalog.fieldNames().forEachRemaining(option -> expected.put("camel.component.blackpearl." + kebab(option),
                catalog.get(option).get("description").asText()));
        assertThat(boot.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        boot.forEach((name, description) -> assertThat(description).as(name).isEqualTo(expected.get(name)));
    }

    /** The Boot name of a catalog option: kebab case; "protected" is a Java keyword, so its property is protected-job. */
    private static String kebab(String option) {
        String name = option.equals("protected") ? "protectedJob" : option;
        return name.replaceAll("([A-Z])", "-$1").toLowerCase();
    }
}
