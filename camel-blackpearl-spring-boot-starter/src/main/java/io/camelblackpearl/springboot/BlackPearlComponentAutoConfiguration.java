package io.camelblackpearl.springboot;

import io.camelblackpearl.component.BlackPearlComponent;
import java.beans.PropertyDescriptor;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@code blackpearl} component, configured from {@code camel.component.blackpearl.*}: each option that is set
 * is bound through the component's own (generated) configurer, exactly as Camel Main binds it, so the same
 * names, conversions and validation apply.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnClass(CamelContext.class)
@ConditionalOnProperty(prefix = "camel.component.blackpearl", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(BlackPearlComponentProperties.class)
public class BlackPearlComponentAutoConfiguration {

    @Bean(name = "blackpearl")
    @ConditionalOnMissingBean(BlackPearlComponent.class)
    public BlackPearlComponent blackpearlComponent(CamelContext camelContext, BlackPearlComponentProperties properties) {
        BlackPearlComponent component = new BlackPearlComponent();
        component.setCamelContext(camelContext);
        Map<String, Object> options = options(properties);
        if (!options.isEmpty()) {
            PropertyConfigurer configurer = PluginHelper.getConfigurerResolver(camelContext)
                    .resolvePropertyConfigurer("blackpearl-component", camelContext);
            PropertyBindingSupport.build().withConfigurer(configurer)
                    .withMandatory(true).withIgnoreCase(true).bind(camelContext, component, options);
        }
        return component;
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
