package io.camelblackpearl.simulator.work;

import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Turns an appliance's completed-job list (the body of {@code GET /_rest_/completed_job}, one or more pages
 * concatenated is not supported: give one page, e.g. {@code page_length=100000}) into a workload: each job
 * arrives at its {@code CreatedAt}, offset from the earliest, with its name, request type, original size,
 * priority, bucket and user. Replayed with {@code --workload}, a day of the appliance's history runs again.
 */
public final class CompletedJobsToWorkload {

    private CompletedJobsToWorkload() {
    }

    public static List<Workload.Entry> convert(InputStream xml, String source) {
        List<Map<String, String>> jobs = new ArrayList<>();
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader in = factory.createXMLStreamReader(xml);
            Map<String, String> job = null;
            int depth = 0;
            while (in.hasNext()) {
                int event = in.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 2 && in.getLocalName().equals("CompletedJob")) {
                        job = new HashMap<>();
                        for (int i = 0; i < in.getAttributeCount(); i++) {
                            job.put(in.getAttributeLocalName(i), in.getAttributeValue(i));
                        }
                    } else if (depth == 3 && job != null) {
                        job.put(in.getLocalName(), in.getElementText().trim());
                        depth--;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (depth == 2 && job != null) {
                        jobs.add(job);
                        job = null;
                    }
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(source + " is not a completed-job list: " + e.getMessage(), e);
        }
        List<Instant> created = new ArrayList<>();
        for (Map<String, String> job : jobs) {
            created.add(instant(job.get("CreatedAt"), source, job.get("Id")));
        }
        Instant first = created.stream().min(Instant::compareTo).orElse(Instant.EPOCH);
        List<Workload.Entry> entries = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            Map<String, String> job = jobs.get(i);
            String size = job.getOrDefault("OriginalSizeInBytes", "0");
            long bytes;
            try {
                bytes = Long.parseLong(size);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ", job " + job.get("Id") + ": OriginalSizeInBytes '" + size + "' is not a number");
            }
            String priority = job.getOrDefault("Priority", "NORMAL");
            if (!List.of("URGENT", "HIGH", "NORMAL", "LOW").contains(priority)) {
                priority = "NORMAL";
            }
            entries.add(new Workload.Entry((created.get(i).toEpochMilli() - first.toEpochMilli()) / 1000.0,
                    job.getOrDefault("Name", "job-" + (i + 1)), job.getOrDefault("RequestType", "PUT"), bytes, priority,
                    job.getOrDefault("BucketName", job.getOrDefault("BucketId", "bucket-1")),
                    job.getOrDefault("UserName", job.getOrDefault("UserId", "user-1"))));
        }
        return entries;
    }

    private static Instant instant(String value, String source, String id) {
        if (value == null) {
            throw new IllegalArgumentException(source + ", job " + id + ": no CreatedAt");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException(source + ", job " + id + ": CreatedAt '" + value + "' is not an ISO-8601 time");
            }
        }
    }
}
