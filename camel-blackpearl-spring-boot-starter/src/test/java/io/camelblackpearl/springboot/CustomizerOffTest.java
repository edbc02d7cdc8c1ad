package io.camelblackpearl.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.component.BlackPearlComponent;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * camel.component.blackpearl.customizer.enabled=false, as docs/spring-boot.md names it: the application's own
 * component stays as the application built it, whatever camel.component.blackpearl.* says.
 */
@SpringBootTest(classes = TestApplication.class, properties = {
        "camel.component.blackpearl.customizer.enabled=false",
        "camel.component.blackpearl.endpoint=http://127.0.0.1:9",
        "camel.component.blackpearl.access-key=ZnJvbS1wcm9wZXJ0aWVz",
        "camel.component.blackpearl.page-length=7"})
@Import(CustomizerOffTest.Component.class)
class CustomizerOffTest {

    @TestConfiguration
    static class Component {
        @Bean(name = "blackpearl")
        BlackPearlComponent blackpearl() {
            BlackPearlComponent component = new BlackPearlComponent();
            component.getConfiguration().setEndpoint("https://bp.example.com");
            component.getConfiguration().setAccessKey("ZnJvbS1iZWFu");
            component.getConfiguration().setSecretKey("bean-secret");
            return component;
        }
    }

    @Autowired
    CamelContext camelContext;

    @Test
    void theApplicationsComponentKeepsItsOwnSettings() {
        BlackPearlComponent component = camelContext.getComponent("blackpearl", BlackPearlComponent.class);
        assertThat(component.getConfiguration().getEndpoint()).isEqualTo("https://bp.example.com");
        assertThat(component.getConfiguration().getAccessKey()).isEqualTo("ZnJvbS1iZWFu");
        assertThat(component.getConfiguration().getPageLength()).isEqualTo(1000);
    }
}
