package io.camelblackpearl.springboot;

import java.util.Locale;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Masks the BlackPearl secret key and the cluster password in {@code /actuator/env} and
 * {@code /actuator/configprops}, also when values are shown ({@code show-values=always}), whether they came from
 * a properties file ({@code camel.component.blackpearl.secret-key}) or the environment
 * ({@code CAMEL_COMPONENT_BLACKPEARL_SECRET_KEY}).
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class BlackPearlSecretsAutoConfiguration {

    @Bean
    public SanitizingFunction blackpearlSecretsSanitizer() {
        return BlackPearlSecretsAutoConfiguration::sanitize;
    }

    static SanitizableData sanitize(SanitizableData data) {
        return isSecret(data.getKey()) ? data.withSanitizedValue() : data;
    }

    /** Keys as the env endpoint (the source's own spelling) or the configprops endpoint (bean property) names them. */
    static boolean isSecret(String key) {
        if (key == null) {
            return false;
        }
        String k = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return k.equals("secretkey") || k.endsWith("blackpearlsecretkey")
                || k.equals("password") || k.endsWith("blackpearlescalationclusterpassword");
    }
}
