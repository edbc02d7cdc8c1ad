package io.camelblackpearl.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.component.BlackPearlComponent;
import io.camelblackpearl.component.BlackPearlConstants;
import io.camelblackpearl.simulator.Ds3Operation;
import io.camelblackpearl.simulator.Ds3Simulator;
import io.camelblackpearl.simulator.SimulatedJob;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * camel.component.blackpearl.* reaches a blackpearl component the application defines itself, and a second
 * instance under another name, as camel-spring-boot's component customizers do for Camel's own components;
 * what the bean sets and no property names (here maxRedirects) stays the bean's.
 */
@SpringBootTest(classes = TestApplication.class, properties = {
        "camel.component.blackpearl.secret-key=boot-secret-from-a-properties-file",
        "camel.component.blackpearl.page-length=7"})
@Import(UserDefinedComponentTest.Components.class)
class UserDefinedComponentTest {

    static final Ds3Simulator SIMULATOR = SimulatorForBoot.start();

    @TestConfiguration
    static class Components {
        @Bean(name = "blackpearl")
        BlackPearlComponent blackpearl() {
            BlackPearlComponent component = new BlackPearlComponent();
            component.getConfiguration().setMaxRedirects(2);
            return component;
        }

        @Bean(name = "archive")
        BlackPearlComponent archive() {
            return new BlackPearlComponent();
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
    ProducerTemplate template;

    @Test
    void thePropertiesReachAUserDefinedBeanAndASecondInstance() {
        for (String name : new String[] {"blackpearl", "archive"}) {
            BlackPearlComponent component = camelContext.getComponent(name, BlackPearlComponent.class);
            assertThat(component.getConfiguration().getEndpoint()).as(name).isEqualTo(SIMULATOR.endpoint());
            assertThat(component.getConfiguration().getAccessKey()).as(name).isEqualTo(SimulatorForBoot.ACCESS_KEY);
            assertThat(component.getConfiguration().getPageLength()).as(name).isEqualTo(7);
        }
        BlackPearlComponent own = camelContext.getComponent("blackpearl", BlackPearlComponent.class);
        assertThat(own.getConfiguration().getMaxRedirects()).as("the bean's own setting, no property names it").isEqualTo(2);
        assertThat(own.getConfiguration().getMaxRetries()).as("a property wins over the bean's default").isEqualTo(5);

        // And it works: a modify through the second instance reaches the appliance.
        SimulatedJob job = SimulatorForBoot.job(SIMULATOR, "LOW", Duration.ofMinutes(1));
        template.sendBodyAndHeader("archive:activeJob?priority=HIGH&includeObjects=false", null, BlackPearlConstants.JOB_ID,
                job.id().toString());
        assertThat(SIMULATOR.appliance().job(job.id()).orElseThrow().priority()).isEqualTo("HIGH");
        assertThat(SIMULATOR.appliance().count(Ds3Operation.MODIFY_ACTIVE_JOB)).isEqualTo(1);
    }
}
