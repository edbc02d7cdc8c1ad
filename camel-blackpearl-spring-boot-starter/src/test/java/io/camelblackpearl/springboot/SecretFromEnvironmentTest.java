package io.camelblackpearl.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.component.BlackPearlComponent;
import io.camelblackpearl.simulator.Ds3Simulator;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The secret given as the environment variable CAMEL_COMPONENT_BLACKPEARL_SECRET_KEY (a system-environment
 * property source, bound by Boot's relaxed rules as the real environment is) reaches the component and is
 * masked in /actuator/env and /actuator/configprops with values shown. (The environment wins over the
 * application.properties of the test, as in any Boot application.)
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SecretFromEnvironmentTest.Environment.class)
class SecretFromEnvironmentTest {

    static final String SECRET = "boot-secret-from-the-environment";
    static final Ds3Simulator SIMULATOR = SimulatorForBoot.start();

    /** As if the process had been started with the variable set. */
    static class Environment implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource("test-environment", Map.of("CAMEL_COMPONENT_BLACKPEARL_SECRET_KEY", SECRET)));
        }
    }

    @DynamicPropertySource
    static void appliance(DynamicPropertyRegistry registry) {
        SimulatorForBoot.properties(SIMULATOR, registry);
    }

    @AfterAll
    static void stop() {
        SIMULATOR.close();
    }

    @Autowired
    CamelContext camelContext;
    @Autowired
    TestRestTemplate http;

    @Test
    void theSecretFromTheEnvironmentIsUsedAndMasked() {
        assertThat(camelContext.getComponent("blackpearl", BlackPearlComponent.class).getConfiguration().getSecretKey())
                .isEqualTo(SECRET);
        String env = http.getForObject("/actuator/env", String.class);
        String configprops = http.getForObject("/actuator/configprops", String.class);
        assertThat(env).contains("CAMEL_COMPONENT_BLACKPEARL_SECRET_KEY").doesNotContain(SECRET);
        assertThat(configprops).contains("camel.component.blackpearl").doesNotContain(SECRET);
    }
}
