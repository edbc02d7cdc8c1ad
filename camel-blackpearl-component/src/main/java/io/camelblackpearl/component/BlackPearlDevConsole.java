package io.camelblackpearl.component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Component;
import org.apache.camel.Route;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code blackpearl} developer console: for each blackpearl component, its appliance and the health
 * check's last verdict, its shared clients (connection pool, retries by reason) and its job-event consumers
 * (last poll, failed polls and since when, their watermarks and where they live). No secret is shown. Camel finds it
 * through {@code META-INF/services/org/apache/camel/dev-console/blackpearl}; it shows with
 * {@code camel.main.dev-console-enabled=true} (and, over HTTP, {@code camel.management.dev-console-enabled=true}).
 */
@org.apache.camel.spi.annotations.DevConsole(name = "blackpearl", displayName = "BlackPearl",
                                            description = "BlackPearl appliances, their clients and job-event consumers")
public class BlackPearlDevConsole extends AbstractDevConsole {

    public BlackPearlDevConsole() {
        super("camel", "blackpearl", "BlackPearl", "BlackPearl appliances, their clients and job-event consumers");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        for (JsonObject component : components()) {
            text.append("Component ").append(component.get("name")).append(": ").append(component.get("appliance"))
                    .append(" as ").append(component.get("accessKey")).append('\n');
            text.append("  last check: ").append(component.getOrDefault("lastVerdict", "none yet"))
                    .append(component.containsKey("lastCheckAt") ? " at " + component.get("lastCheckAt") : "")
                    .append(component.containsKey("lastMessage") ? " (" + component.get("lastMessage") + ")" : "").append('\n');
            for (Object c : (JsonArray) component.get("clients")) {
                JsonObject client = (JsonObject) c;
                text.append("  client ").append(client.get("appliance")).append(": ").append(client.get("users"))
                        .append(" users (endpoints, health probe), connections leased ").append(client.get("leased")).append(", available ")
                        .append(client.get("available")).append(", pending ").append(client.get("pending"))
                        .append(", retries ").append(client.get("retries")).append('\n');
            }
            for (Object c : (JsonArray) component.get("consumers")) {
                JsonObject consumer = (JsonObject) c;
                text.append("  consumer ").append(consumer.get("routeId")).append(": last poll ")
                        .append(consumer.getOrDefault("lastPoll", "none yet")).append(", last events ")
                        .append(consumer.getOrDefault("lastEvents", "none yet")).append(", failed polls ")
                        .append(consumer.get("failedPolls"))
                        .append(consumer.containsKey("outageSince") ? " since " + consumer.get("outageSince") : "")
                        .append(", ").append(consumer.get("knownActiveJobs")).append(" active jobs known, watermark: completions up to ")
                        .append(consumer.getOrDefault("completedUpTo", "none")).append(", cancellations up to ")
                        .append(consumer.getOrDefault("canceledUpTo", "none")).append(", to deliver again ")
                        .append(consumer.get("toRedeliver")).append(", state in ")
                        .append(consumer.get("state")).append('\n');
            }
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        root.put("components", components());
        return root;
    }

    private List<JsonObject> components() {
        List<JsonObject> result = new ArrayList<>();
        for (String name : getCamelContext().getComponentNames()) {
            Component found = getCamelContext().hasComponent(name);
            if (found instanceof BlackPearlComponent component) {
                result.add(describe(name, component));
            }
        }
        return result;
    }

    private JsonObject describe(String name, BlackPearlComponent component) {
        JsonObject json = new JsonObject();
        BlackPearlConfiguration settings = component.getConfiguration();
        json.put("name", name);
        json.put("appliance", settings.getDs3Client() != null ? "(an injected ds3Client)" : settings.getEndpoint());
        json.put("accessKey", settings.getAccessKey());
        ApplianceCheck.Result verdict = component.getLastVerdict();
        if (verdict != null) {
            json.put("lastVerdict", verdict.verdict().name());
            json.put("lastMessage", verdict.message());
            json.put("lastCheckAt", String.valueOf(component.getLastVerdictAt()));
        }
        JsonArray clients = new JsonArray();
        for (ApplianceClients.Shared shared : component.clients().all()) {
            JsonObject client = new JsonObject();
            client.put("appliance", shared.key.endpoint());
            client.put("users", shared.users);
            var pool = shared.client.connectionPool();
            client.put("leased", pool.leased());
            client.put("available", pool.idle());
            client.put("pending", pool.pending());
            client.put("retries", new JsonObject(new LinkedHashMap<>(shared.retryCounts())));
            clients.add(client);
        }
        json.put("clients", clients);
        JsonArray consumers = new JsonArray();
        for (Route route : getCamelContext().getRoutes()) {
            if (route.getConsumer() instanceof BlackPearlConsumer consumer && consumer.getEndpoint().getComponent() == component) {
                JsonObject c = new JsonObject();
                c.put("routeId", route.getRouteId());
                put(c, "lastPoll", consumer.getLastPoll());
                put(c, "lastEvents", consumer.getLastEventsAt());
                c.put("failedPolls", consumer.getFailedPolls());
                put(c, "outageSince", consumer.getOutageSince());
                c.put("knownActiveJobs", consumer.getKnownActiveJobs());
                put(c, "completedUpTo", consumer.getNewestCompletion());
                put(c, "canceledUpTo", consumer.getNewestCancellation());
                c.put("toRedeliver", consumer.getEventsToRedeliver());
                c.put("state", consumer.getStateRepositoryDescription());
                consumers.add(c);
            }
        }
        json.put("consumers", consumers);
        return json;
    }

    private static void put(JsonObject json, String key, Instant value) {
        if (value != null) {
            json.put(key, value.toString());
        }
    }
}
