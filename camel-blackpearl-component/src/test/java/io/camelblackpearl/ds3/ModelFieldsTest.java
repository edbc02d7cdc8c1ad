package io.camelblackpearl.ds3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.camelblackpearl.ds3.model.ActiveJob;
import io.camelblackpearl.ds3.model.BulkObject;
import io.camelblackpearl.ds3.model.CanceledJob;
import io.camelblackpearl.ds3.model.CompletedJob;
import io.camelblackpearl.ds3.model.JobChunk;
import io.camelblackpearl.ds3.model.JobNode;
import io.camelblackpearl.ds3.model.MasterObjectList;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every component of every model record is read: a document with each field set to a value unlike its
 * default (derived from the record's own declaration, so a new field is covered without touching this test)
 * reads back into a record whose every component holds that value.
 */
class ModelFieldsTest {

    /** A value for a component, unlike the default, with its XML text. */
    private record Sample(Object value, String text) {
    }

    private static Sample sample(RecordComponent component, int seed) {
        Class<?> type = component.getType();
        if (type == String.class) {
            return new Sample("text-" + seed, "text-" + seed);
        } else if (type == boolean.class || type == Boolean.class) {
            return new Sample(true, "true");
        } else if (type == long.class || type == Long.class) {
            return new Sample(1_000L + seed, Long.toString(1_000L + seed));
        } else if (type == int.class || type == Integer.class) {
            return new Sample(100 + seed, Integer.toString(100 + seed));
        } else if (type == UUID.class) {
            UUID id = new UUID(seed, seed * 31L + 7);
            return new Sample(id, id.toString());
        } else if (type == Instant.class) {
            Instant at = Instant.parse("2026-01-02T03:04:05Z").plusSeconds(seed);
            return new Sample(at, at.toString());
        } else if (type.isEnum()) {
            Object constant = type.getEnumConstants()[seed % type.getEnumConstants().length];
            return new Sample(constant, ((Enum<?>) constant).name());
        }
        throw new AssertionError("no sample for " + type);
    }

    private static String name(RecordComponent component) {
        // Jackson's annotations do not target record components: they land on the component's private field.
        AnnotatedElement field = field(component);
        JsonProperty json = field.getAnnotation(JsonProperty.class);
        if (json != null) {
            return json.value();
        }
        return field.getAnnotation(JacksonXmlProperty.class).localName();
    }

    private static Field field(RecordComponent component) {
        try {
            return component.getDeclaringRecord().getDeclaredField(component.getName());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value fields of a record (lists are structure, tested with their own records). */
    private static Map<String, Sample> samples(Class<? extends Record> type) {
        Map<String, Sample> samples = new LinkedHashMap<>();
        int seed = 1;
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getType() != List.class) {
                samples.put(component.getName(), sample(component, seed++));
            }
        }
        return samples;
    }

    private static String elements(Class<? extends Record> type, Map<String, Sample> samples) {
        StringBuilder xml = new StringBuilder();
        for (RecordComponent component : type.getRecordComponents()) {
            Sample s = samples.get(component.getName());
            xml.append('<').append(name(component)).append('>').append(s.text()).append("</").append(name(component)).append('>');
        }
        return xml.toString();
    }

    private static String attributes(Class<? extends Record> type, Map<String, Sample> samples) {
        StringBuilder xml = new StringBuilder();
        for (RecordComponent component : type.getRecordComponents()) {
            Sample s = samples.get(component.getName());
            if (s != null) {
                xml.append(' ').append(name(component)).append("=\"").append(s.text()).append('"');
            }
        }
        return xml.toString();
    }

    private static void assertEveryField(Record read, Map<String, Sample> samples) throws Exception {
        for (RecordComponent component : read.getClass().getRecordComponents()) {
            Sample s = samples.get(component.getName());
            if (s != null) {
                assertThat(component.getAccessor().invoke(read)).as("%s.%s", read.getClass().getSimpleName(), component.getName())
                        .isEqualTo(s.value());
            }
        }
    }

    private static InputStream xml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyFieldOfTheThreeJobKindsIsRead() throws Exception {
        Map<String, Sample> active = samples(ActiveJob.class);
        assertEveryField(Ds3Xml.readActiveJobs(xml("<Data><Job>" + elements(ActiveJob.class, active) + "</Job></Data>")).get(0), active);
        assertEveryField(Ds3Xml.readActiveJob(xml("<Data>" + elements(ActiveJob.class, active) + "</Data>")), active);
        Map<String, Sample> completed = samples(CompletedJob.class);
        assertEveryField(Ds3Xml.readCompletedJobs(xml("<Data><CompletedJob>" + elements(CompletedJob.class, completed)
                + "</CompletedJob></Data>")).get(0), completed);
        Map<String, Sample> canceled = samples(CanceledJob.class);
        assertEveryField(Ds3Xml.readCanceledJobs(xml("<Data><CanceledJob>" + elements(CanceledJob.class, canceled)
                + "</CanceledJob></Data>")).get(0), canceled);
    }

    @Test
    void everyFieldOfAMasterObjectListItsNodesChunksAndObjectsIsRead() throws Exception {
        Map<String, Sample> root = samples(MasterObjectList.class);
        Map<String, Sample> node = samples(JobNode.class);
        Map<String, Sample> chunk = samples(JobChunk.class);
        Map<String, Sample> object = samples(BulkObject.class);
        String document = "<MasterObjectList" + attributes(MasterObjectList.class, root) + "><Nodes><Node"
                + attributes(JobNode.class, node) + "/></Nodes><Objects" + attributes(JobChunk.class, chunk) + "><Object"
                + attributes(BulkObject.class, object) + "/></Objects></MasterObjectList>";
        MasterObjectList read = Ds3Xml.readMasterObjectList(xml(document));
        assertEveryField(read, root);
        assertEveryField(read.nodes().get(0), node);
        assertEveryField(read.chunks().get(0), chunk);
        assertEveryField(read.chunks().get(0).objects().get(0), object);
        assertEveryField(Ds3Xml.readMasterObjectListSummary(xml(document)), root);
    }
}
