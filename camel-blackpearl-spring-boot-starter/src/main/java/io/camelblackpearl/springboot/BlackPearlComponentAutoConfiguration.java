package io.camelblackpearl.springboot;

import io.camelblackpearl.component.BlackPearlComponent;
import java.beans.PropertyDescriptor;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@code camel.component.blackpearl.*} applied the camel-spring-boot way: a {@link ComponentCustomizer} that
 * Camel runs on every {@link BlackPearlComponent} it initialises, whether Camel creates {@code blackpearl} on
 * first use, the application defines its own {@code blackpearl} bean, or a second instance under another name.
 * Each option that is set is bound through the component's own (generated) configurer, exactly as Camel Main
 * binds it, so the same names, conversions and validation apply. {@code camel.component.blackpearl.customizer.enabled=false}
 * (or {@code camel.component.customizer.enabled=false}) leaves the components as the application built them.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnClass(CamelContext.class)
@ConditionalOnProperty(prefix = "camel.component.blackpearl", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(BlackPearlComponentProperties.class)
public class BlackPearlComponentAutoConfiguration {

    @Bean
    public ComponentCustomizer blackpearlComponentCustomizer(CamelContext camelContext, BlackPearlComponentProperties properties,
                                                             Environment environment) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                Map<String, Object> options = options(properties);
                if (!options.isEmpty()) {
                    PropertyConfigurer configurer = PluginHelper.getConfigurerResolver(camelContext)
                            .resolvePropertyConfigurer("blackpearl-component", camelContext);
                    PropertyBindingSupport.build().withConfigurer(configurer)
                            .withMandatory(true).withIgnoreCase(true).bind(camelContext, target, options);
                }
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return target instanceof BlackPearlComponent
                        && environment.getProperty("camel.component.customizer.enabled", Boolean.class, true)
                        && environment.getProperty("camel.component.blackpearl.customizer.enabled", Boolean.class, true);
            }
        };
    }

    /** The options that are set, by the component's option names; durations in milliseconds, as the component takes them. */
    static Map<String, Object> options(BlackPearlComponentProperties properties) {
        Map<String, Object> options = new LinkedHashMap<>();
        BeanWrapperImpl bean = new BeanWrapperImpl(properties);
        for (PropertyDescriptor descriptor : bean.getPropertyDescriptors()) {
            String name = descriptor.getName();
            if (name.equals("class") || name.equals("enabled") || descriptor.getReadMethod() == null) {
                continue;
            }
            Object value = bean.getPropertyValue(name);
            if (value == null) {
                continue;
            }
            options.put(name.equals("protectedJob") ? "protected" : name,
                    value instanceof Duration duration ? duration.toMillis() : value);
        }
        return options;
    }
}
