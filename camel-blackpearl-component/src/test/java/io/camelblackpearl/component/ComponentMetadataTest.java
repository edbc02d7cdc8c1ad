package io.camelblackpearl.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.ds3.model.Priority;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

/**
 * The metadata camel-package-maven-plugin generates is in the build output and loads through Camel's own
 * resolvers, and docs/component.md documents every option and header it lists.
 */
class ComponentMetadataTest {

    private static JsonObject schema(CamelContext context) throws IOException {
        String json = context.getCamelContextExtension().getRuntimeCamelCatalog().componentJSonSchema("blackpearl");
        assertThat(json).as("blackpearl.json on the classpath").isNotNull();
        return (JsonObject) Jsoner.deserialize(json, new JsonObject());
    }

    @Test
    void configurersAndUriFactoryResolve() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            PropertyConfigurer component = PluginHelper.getConfigurerResolver(context).resolvePropertyConfigurer("blackpearl-component", context);
            PropertyConfigurer endpoint = PluginHelper.getConfigurerResolver(context).resolvePropertyConfigurer("blackpearl-endpoint", context);
            assertThat(component).isInstanceOf(PropertyConfigurerGetter.class);
            assertThat(endpoint).isInstanceOf(PropertyConfigurerGetter.class);
            PropertyConfigurerGetter getter = (PropertyConfigurerGetter) endpoint;
            assertThat(getter.getOptionType("priority", true)).isEqualTo(Priority.class);
            assertThat(getter.getOptionType("protected", true)).isEqualTo(Boolean.class);
            assertThat(getter.getAutowiredNames()).containsExactly("ds3Client");
            EndpointUriFactory uriFactory = PluginHelper.getUriFactoryResolver(context).resolveFactory("blackpearl", context);
            assertThat(uriFactory).isNotNull();
            assertThat(uriFactory.secretPropertyNames()).containsExactly("secretKey");
            assertThat(uriFactory.propertyNames()).contains("resource", "endpoint", "jobId", "priority", "createdAt", "protected");
            assertThat(uriFactory.buildUri("blackpearl", Map.of("resource", "activeJob", "priority", "URGENT"), false))
                    .isEqualTo("blackpearl:activeJob?priority=URGENT");
        }
    }

    @Test
    void everyOptionAndHeaderHasADescriptionAndOnlyTheSecretKeyIsSecret() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            JsonObject schema = schema(context);
            for (String section : List.of("componentProperties", "properties", "headers")) {
                JsonObject options = (JsonObject) schema.get(section);
                // Javadoc markup does not survive the catalog's generator: {@code x} comes out as {code x}, 10^11 as 1011.
                options.forEach((name, value) -> assertThat(((JsonObject) value).getString("description"))
                        .as("%s %s description", section, name).isNotBlank()
                        .doesNotContain("{code", "{@", "{link", "^", "<"));
            }
            JsonObject properties = (JsonObject) schema.get("properties");
            List<String> secret = new ArrayList<>();
            properties.forEach((name, value) -> {
                if (Boolean.TRUE.equals(((JsonObject) value).getBoolean("secret"))) {
                    secret.add(name);
                }
            });
            assertThat(secret).containsExactly("secretKey");
            JsonObject headers = (JsonObject) schema.get("headers");
            for (Field field : BlackPearlConstants.class.getFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    assertThat(headers).containsKey((String) field.get(null));
                }
            }
        }
    }

    @Test
    void theDocsNameEveryOptionAndHeader() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "component.md"));
        try (CamelContext context = new DefaultCamelContext()) {
            JsonObject schema = schema(context);
            for (String section : List.of("componentProperties", "properties", "headers")) {
                ((JsonObject) schema.get(section)).keySet().forEach(name ->
                        assertThat(docs).as("docs/component.md names %s %s", section, name).contains("`" + name + "`"));
            }
        }
    }

    /**
     * Each option row of docs/component.md (option, [header,] default, description) says what the catalog says:
     * the same default, and the same description once the Markdown (code spans, links, bold) is taken out. The
     * catalog's descriptions come from the Javadoc, so the Javadoc is where an option's text is written.
     */
    @Test
    void theDocsOptionTablesSayWhatTheCatalogSays() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "component.md"));
        try (CamelContext context = new DefaultCamelContext()) {
            JsonObject schema = schema(context);
            JsonObject component = (JsonObject) schema.get("componentProperties");
            JsonObject endpoint = (JsonObject) schema.get("properties");
            Pattern rowPattern = Pattern.compile("^\\| `([a-zA-Z]+)` \\|(.*)\\|\\s*$");
            boolean optionTable = false;
            int compared = 0;
            for (String line : docs.split("\n")) {
                if (!line.startsWith("|")) {
                    optionTable = false;
                    continue;
                }
                if (line.startsWith("| option |")) {
                    optionTable = true;
                    continue;
                }
                Matcher row = rowPattern.matcher(line);
                if (!optionTable || !row.matches()) {
                    continue;
                }
                String option = row.group(1);
                JsonObject catalog = endpoint.containsKey(option) ? (JsonObject) endpoint.get(option) : (JsonObject) component.get(option);
                assertThat(catalog).as("option %s of the docs is in the catalog", option).isNotNull();
                String[] cells = row.group(2).split("\\|", -1);
                String documentedDefault = cells[cells.length - 2].trim().replace("`", "");
                Object catalogDefault = catalog.get("defaultValue");
                boolean unsetFlag = "java.lang.Boolean".equals(catalog.getString("javaType")) && Boolean.FALSE.equals(catalogDefault);
                // The generator gives a Boolean option a false default; ours are unset (null: not sent) until given.
                assertThat(documentedDefault).as("default of %s", option)
                        .isEqualTo(catalogDefault == null || unsetFlag ? "" : String.valueOf(catalogDefault));
                String documented = cells[cells.length - 1].trim().replaceAll("\\[([^\\]]+)]\\([^)]+\\)", "$1")
                        .replace("**", "").replace("`", "");
                assertThat(documented).as("description of %s", option).isEqualTo(catalog.getString("description"));
                compared++;
            }
            assertThat(compared).as("option rows compared").isGreaterThanOrEqualTo(35);
        }
    }
}
