package io.camelblackpearl.simulator.work;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelblackpearl.simulator.SeedPlan;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A workload file: JSON Lines, one job a line, {@code {"offsetSeconds": 120, "name": "restore-1", "requestType":
 * "GET", "sizeInBytes": 40000000000, "priority": "HIGH", "bucket": "media", "user": "alice"}}. The offset is
 * from the start of the replay; bucket and user may be left out. Blank lines and lines starting with # are
 * skipped. {@link #replay} plays it as the work model's arrivals.
 */
public final class Workload {

    /** One line of the file. */
    public record Entry(double offsetSeconds, String name, String requestType, long sizeInBytes, String priority,
                        String bucket, String user) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> REQUEST_TYPES = Set.of("PUT", "GET", "VERIFY");
    private static final Set<String> PRIORITIES = Set.of("URGENT", "HIGH", "NORMAL", "LOW");

    private Workload() {
    }

    /** Reads and checks every line; an error names the file, the line and the field. */
    public static List<Entry> read(Path file) {
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank() || line.trim().startsWith("#")) {
                    continue;
                }
                entries.add(entry(file, lineNo, line));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Workload " + file + " cannot be read: " + e.getMessage(), e);
        }
        return entries;
    }

    private static Entry entry(Path file, int lineNo, String line) {
        String where = "Workload " + file + ", line " + lineNo;
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": not a JSON object: " + e.getMessage());
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": not a JSON object");
        }
        JsonNode offset = node.get("offsetSeconds");
        if (offset == null || !offset.isNumber() || offset.doubleValue() < 0) {
            throw new IllegalArgumentException(where + ", field 'offsetSeconds': a number of seconds from 0, was " + offset);
        }
        String name = text(node, "name", where, null);
        String type = text(node, "requestType", where, null).toUpperCase(Locale.ROOT);
        if (!REQUEST_TYPES.contains(type)) {
            throw new IllegalArgumentException(where + ", field 'requestType': PUT, GET or VERIFY, was '" + type + "'");
        }
        JsonNode size = node.get("sizeInBytes");
        if (size == null || !size.canConvertToLong() || size.longValue() < 0) {
            throw new IllegalArgumentException(where + ", field 'sizeInBytes': a whole number of bytes, was " + size);
        }
        String priority = text(node, "priority", where, "NORMAL").toUpperCase(Locale.ROOT);
        if (!PRIORITIES.contains(priority)) {
            throw new IllegalArgumentException(where + ", field 'priority': URGENT, HIGH, NORMAL or LOW, was '" + priority + "'");
        }
        return new Entry(offset.doubleValue(), name, type, size.longValue(), priority,
                text(node, "bucket", where, "bucket-1"), text(node, "user", where, "user-1"));
    }

    private static String text(JsonNode node, String field, String where, String fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (fallback != null) {
                return fallback;
            }
            throw new IllegalArgumentException(where + ": field '" + field + "' is missing");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + ", field '" + field + "': text, was " + value);
        }
        return value.asText();
    }

    /** Writes entries as JSON Lines, in offset order. */
    public static void write(List<Entry> entries, Writer out) throws IOException {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingDouble(Entry::offsetSeconds));
        for (Entry e : sorted) {
            ObjectNode node = JSON.createObjectNode();
            if (e.offsetSeconds() == Math.rint(e.offsetSeconds())) {
                node.put("offsetSeconds", (long) e.offsetSeconds());
            } else {
                node.put("offsetSeconds", e.offsetSeconds());
            }
            node.put("name", e.name());
            node.put("requestType", e.requestType());
            node.put("sizeInBytes", e.sizeInBytes());
            node.put("priority", e.priority());
            node.put("bucket", e.bucket());
            node.put("user", e.user());
            out.write(JSON.writeValueAsString(node));
            out.write('\n');
        }
    }

    /** The entries as arrivals from {@code startMillis}; ids are drawn from {@code seed}. */
    public static Arrivals replay(List<Entry> entries, long startMillis, long seed) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingDouble(Entry::offsetSeconds));
        Random ids = new Random(seed);
        List<Arrival> arrivals = new ArrayList<>(sorted.size());
        for (Entry e : sorted) {
            UUID id = SeedPlan.randomUuid(ids);
            arrivals.add(new Arrival(startMillis + Math.round(e.offsetSeconds() * 1000), id, e.name(), e.requestType(),
                    e.sizeInBytes(), e.priority(), e.bucket(), e.user()));
        }
        return Arrivals.of(arrivals);
    }
}
