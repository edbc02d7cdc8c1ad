package io.camelblackpearl.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelblackpearl.LogCapture;
import io.camelblackpearl.ds3.BlackPearlException;
import io.camelblackpearl.ds3.Ds3ClientSettings;
import io.camelblackpearl.ds3.Ds3Credentials;
import io.camelblackpearl.simulator.Ds3Simulator;
import io.camelblackpearl.simulator.SeedPlan;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

/**
 * The secret key, set on the component as documented ({@code camel.component.blackpearl.secret-key}), under
 * every lens a user or an operator has: every logger at TRACE (HttpClient's wire and header logs included),
 * every Camel MBean's attributes and the route dumps over JMX (placeholders resolved), every exception
 * message and toString(), and the endpoint URIs. It appears in none of them (the catalog flags the option secret: ComponentMetadataTest).
 * <p>
 * A secret written into an endpoint URI (even as a placeholder) is masked wherever Camel sanitizes URIs
 * (toString, JMX, the unresolved route dump, our messages), but Camel core itself logs the resolved URI at
 * DEBUG/TRACE and {@code Endpoint.getEndpointUri()} returns it: docs/operations.md says to keep the secret
 * on the component for that reason, and the second half of this test pins down exactly that boundary.
 */
class SecretsTest {

    @Test
    void theSecretKeyAppearsNowhere() throws Exception {
        String secret = "Sx7kQp2Z-" + UUID.randomUUID();
        String uriSecret = "uri-" + UUID.randomUUID();
        List<String> seen = new ArrayList<>();
        try (Ds3Simulator simulator = Ds3Simulator.builder().credentials("c2VjcmV0cw==", secret).build().start()
                .seed(SeedPlan.jobs(5));
             LogCapture everything = LogCapture.everything(Level.TRACE)) {
            CamelContext context = new DefaultCamelContext();
            Properties placeholders = new Properties();
            placeholders.setProperty("bp.secret", uriSecret);
            context.getPropertiesComponent().setInitialProperties(placeholders);
            BlackPearlComponent component = context.getComponent("blackpearl", BlackPearlComponent.class);
            component.getConfiguration().setEndpoint(simulator.endpoint());
            component.getConfiguration().setAccessKey("c2VjcmV0cw==");
            component.getConfiguration().setSecretKey(secret);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:list").routeId("list").to("blackpearl:activeJob?operation=list");
                    // A secret in a route URI, given the way Camel users should: as a property placeholder.
                    from("direct:wrong").routeId("wrong").to("blackpearl:activeJob?operation=list&maxRetries=0&secretKey={{bp.secret}}");
                    from("direct:missing").routeId("missing").to("blackpearl:activeJob?priority=HIGH");
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();

            Exchange listed = template.request("direct:list", e -> { });
            assertThat(listed.getException()).isNull();
            Exchange refused = template.request("direct:wrong", e -> { });
            Exchange missing = template.request("direct:missing",
                    e -> e.getMessage().setHeader(BlackPearlConstants.JOB_ID, UUID.randomUUID().toString()));
            assertThat(refused.getException(BlackPearlException.class).isAuthorization()).isTrue();
            assertThat(missing.getException(BlackPearlException.class).isNotFound()).isTrue();

            for (Exchange exchange : List.of(refused, missing)) {
                for (Throwable t = exchange.getException(); t != null; t = t.getCause()) {
                    seen.add(t.toString());
                    seen.add(String.valueOf(t.getMessage()));
                }
            }
            for (Endpoint endpoint : context.getEndpoints()) {
                seen.add(endpoint.toString());
                seen.add(endpoint.getEndpointUri());
                if (endpoint instanceof BlackPearlEndpoint blackpearl) {
                    seen.add(blackpearl.getConfiguration().toString());
                    seen.add(String.valueOf(blackpearl.getClient()));
                }
            }
            seen.add(component.getConfiguration().toString());
            seen.add(component.toString());
            Ds3ClientSettings settings = Ds3ClientSettings.of(simulator.endpoint(), new Ds3Credentials("c2VjcmV0cw==", secret));
            seen.add(settings.toString());
            seen.add(settings.credentials().toString());

            seen.addAll(jmx(context));

            List<String> sanitizedLenses = new ArrayList<>();
            for (Endpoint endpoint : context.getEndpoints()) {
                sanitizedLenses.add(endpoint.toString());
            }
            sanitizedLenses.addAll(jmxAttributes(context));
            sanitizedLenses.add(dump(context, false));
            for (Exchange exchange : List.of(refused, missing)) {
                for (Throwable t = exchange.getException(); t != null; t = t.getCause()) {
                    sanitizedLenses.add(t.toString());
                }
            }
            assertThat(leaks(sanitizedLenses, uriSecret)).as("a URI secret where Camel sanitizes URIs").isEmpty();
            assertThat(seen.stream().filter(t -> t.contains(uriSecret))).as("test of the boundary: getEndpointUri shows it")
                    .isNotEmpty();
            seen.removeIf(t -> t.contains(uriSecret));

            context.stop();
            seen.addAll(everything.lines());
            assertThat(everything.lines()).as("the TRACE logs include HttpClient's wire log")
                    .anySatisfy(l -> assertThat(l).startsWith("org.apache.hc.client5.http.wire"));
        }
        assertThat(seen).isNotEmpty();
        assertThat(leaks(seen, secret)).isEmpty();
    }

    /** Where a text shows the secret: 200 characters around it, so a failure says which lens leaked. */
    private static List<String> leaks(List<String> texts, String secret) {
        List<String> leaks = new ArrayList<>();
        for (String text : texts) {
            int at = text.indexOf(secret);
            if (at >= 0) {
                leaks.add(text.substring(Math.max(0, at - 200), Math.min(text.length(), at + secret.length() + 50)));
            }
        }
        return leaks;
    }

    /** Every attribute of every Camel MBean, and the route dump with placeholders resolved. */
    private static List<String> jmx(CamelContext context) throws Exception {
        List<String> texts = jmxAttributes(context);
        texts.add(dump(context, true));
        assertThat(texts).as("the MBeans were read").hasSizeGreaterThan(50)
                .anySatisfy(t -> assertThat(t).contains("EndpointUri=blackpearl://activeJob"));
        return texts;
    }

    private static List<String> jmxAttributes(CamelContext context) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        List<String> texts = new ArrayList<>();
        for (ObjectName name : server.queryNames(new ObjectName("org.apache.camel:context=" + context.getManagementName() + ",*"), null)) {
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                try {
                    texts.add(name + " " + attribute.getName() + "=" + server.getAttribute(name, attribute.getName()));
                } catch (Exception notReadable) {
                    // some attributes need arguments or are write-only
                }
            }
        }
        return texts;
    }

    /** The routes as XML over JMX, as an operator's console gets them. */
    private static String dump(CamelContext context, boolean resolvePlaceholders) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName camel = server.queryNames(new ObjectName("org.apache.camel:context=" + context.getManagementName()
                + ",type=context,*"), null).iterator().next();
        return (String) server.invoke(camel, "dumpRoutesAsXml", new Object[] {resolvePlaceholders, true},
                new String[] {"boolean", "boolean"});
    }
}
