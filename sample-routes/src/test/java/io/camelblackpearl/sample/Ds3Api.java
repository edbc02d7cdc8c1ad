package io.camelblackpearl.sample;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The test's own view of an appliance over the DS3 API: the JDK's HTTP client, signing as the protocol
 * says, XML read with the JDK's DOM. It shares no code with the product, so it checks the product's
 * effect from outside.
 */
final class Ds3Api {

    /** What a test needs to know of an active job. */
    record Job(String id, String name, String requestType, String priority, Instant createdAt) {
    }

    /** Priorities from lowest to highest, for "was it lowered?". */
    static int rank(String priority) {
        return switch (priority) {
            case "BACKGROUND" -> 0;
            case "LOW" -> 1;
            case "NORMAL" -> 2;
            case "HIGH" -> 3;
            case "URGENT" -> 4;
            case "CRITICAL" -> 5;
            default -> throw new IllegalArgumentException("priority " + priority);
        };
    }

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss '+0000'", Locale.US).withZone(ZoneOffset.UTC);

    private final HttpClient http;
    private final String endpoint;
    private final String accessKey;
    private final String secretKey;

    Ds3Api(String endpoint, String accessKey, String secretKey) {
        this(endpoint, accessKey, secretKey, null);
    }

    /** @param tls what to trust on an https appliance; null for the JVM's defaults */
    Ds3Api(String endpoint, String accessKey, String secretKey, SSLContext tls) {
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.http = tls == null ? HttpClient.newHttpClient() : HttpClient.newBuilder().sslContext(tls).build();
    }

    /** Every active job by id, reading all pages; read again (up to 10 times) when the appliance plays a fault. */
    Map<String, Job> activeJobs() throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return readAllPages();
            } catch (IOException | IllegalStateException | SAXException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    private Map<String, Job> readAllPages() throws Exception {
        Map<String, Job> jobs = new LinkedHashMap<>();
        for (Element job : everyPage("/_rest_/active_job", "Job")) {
            jobs.put(text(job, "Id"), new Job(text(job, "Id"), text(job, "Name"), text(job, "RequestType"),
                    text(job, "Priority"), Instant.parse(text(job, "CreatedAt"))));
        }
        return jobs;
    }

    /** The {@code element}s of every page of a job list, read 200 at a time until Total-Result-Count. */
    private List<Element> everyPage(String path, String element) throws Exception {
        List<Element> all = new ArrayList<>();
        int offset = 0;
        while (true) {
            HttpResponse<byte[]> page = get(path, "page_length=200&page_offset=" + offset);
            if (page.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + page.statusCode() + ": "
                        + new String(page.body(), StandardCharsets.UTF_8));
            }
            NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(page.body())).getDocumentElement().getElementsByTagName(element);
            for (int i = 0; i < nodes.getLength(); i++) {
                all.add((Element) nodes.item(i));
            }
            offset += nodes.getLength();
            if (nodes.getLength() == 0 || offset >= page.headers().firstValueAsLong("Total-Result-Count").orElse(0)) {
                return all;
            }
        }
    }

    /** A job that has ended, as {@code /_rest_/completed_job} or {@code /_rest_/canceled_job} lists it. */
    record Ended(String id, String name, Instant at) {
    }

    /**
     * Every ending on the completed and canceled lists dated in [from, to), as "name COMPLETED" or "name CANCELED"
     * (the event names of the job-event consumer).
     */
    List<String> endingsBetween(Instant from, Instant to) throws Exception {
        List<String> endings = new java.util.ArrayList<>();
        for (String resource : List.of("completed_job", "canceled_job")) {
            String event = resource.equals("completed_job") ? "COMPLETED" : "CANCELED";
            for (Ended job : endedJobs(resource)) {
                if (!job.at().isBefore(from) && job.at().isBefore(to)) {
                    endings.add(job.name() + " " + event);
                }
            }
        }
        return endings;
    }

    /** An ending as the sample's own job-event route logs it: "name completed" or "name canceled". */
    static String asSampleLogs(String ending) {
        int space = ending.lastIndexOf(' ');
        return ending.substring(0, space + 1) + ending.substring(space + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * Every job on a finished list, all pages: {@code resource} is {@code completed_job} or {@code canceled_job},
     * its date element {@code DateCompleted} or {@code DateCanceled}.
     */
    List<Ended> endedJobs(String resource) throws Exception {
        String element = resource.equals("completed_job") ? "CompletedJob" : "CanceledJob";
        String date = resource.equals("completed_job") ? "DateCompleted" : "DateCanceled";
        List<Ended> jobs = new ArrayList<>();
        for (Element job : everyPage("/_rest_/" + resource, element)) {
            jobs.add(new Ended(text(job, "Id"), text(job, "Name"), Instant.parse(text(job, date))));
        }
        return jobs;
    }

    /** The appliance's own time, from the Date header of its answer (a time-scaled simulator runs ahead of ours). */
    Instant applianceTime() throws Exception {
        HttpResponse<byte[]> answer = get("/_rest_/active_job", "page_length=1");
        return ZonedDateTime.parse(answer.headers().firstValue("Date").orElseThrow(),
                DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    private HttpResponse<byte[]> get(String path, String query) throws Exception {
        String date = DATE.format(Instant.now());
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature = Base64.getEncoder().encodeToString(
                mac.doFinal(("GET\n\n\n" + date + "\n" + path).getBytes(StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + path + "?" + query))
                .header("Date", date).header("Authorization", "AWS " + accessKey + ":" + signature).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }
}
