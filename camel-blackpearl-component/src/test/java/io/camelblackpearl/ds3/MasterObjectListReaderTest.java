package io.camelblackpearl.ds3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelblackpearl.ds3.model.MasterObjectList;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The MasterObjectList reader against the mapper's data binding it replaces, on the same random documents
 * (attributes present or missing in any order, unknown attributes and elements), so that reading straight off
 * StAX changes nothing a caller relies on. Two things it does differently, on purpose, are checked on their own:
 * an empty attribute reads as absent (as the summary always read it; the binding gives "" or, for an id, the nil
 * UUID), and an element between two chunks, or between two objects, loses nothing (the binding then keeps only
 * the last run of an unwrapped list).
 */
class MasterObjectListReaderTest {

    private static final String[] PRIORITIES = {"CRITICAL", "URGENT", "HIGH", "NORMAL", "LOW", "BACKGROUND", "SOMEDAY"};
    private static final String[] TYPES = {"PUT", "GET", "VERIFY", "ALIEN"};
    private static final String[] STATUSES = {"IN_PROGRESS", "COMPLETED", "CANCELED", "LOST"};

    @Test
    void readsEveryRandomDocumentAsTheMappersBindingDoes() throws IOException {
        Random random = new Random(20261129);
        int bindingMisread = 0;
        for (int i = 0; i < 500; i++) {
            Document document = Document.random(random);
            String plain = document.render(false);
            MasterObjectList bound = Ds3Xml.mapper().readValue(plain, MasterObjectList.class);
            assertThat(read(plain)).as("document %d:%n%s", i, plain).isEqualTo(bound);
            MasterObjectList summary = readSummary(plain);
            assertThat(summary.chunks()).isEmpty();
            assertThat(summary).isEqualTo(withoutChunks(bound));
            // The same document with empty attributes and elements between its chunks and objects reads the same.
            String messy = document.render(true);
            assertThat(read(messy)).as("messy document %d:%n%s", i, messy).isEqualTo(bound);
            assertThat(readSummary(messy)).isEqualTo(summary);
            if (!bindingReadsTheSame(messy, bound)) {
                bindingMisread++;
            }
        }
        // The messy renderings are not a formality: the binding itself misreads many of them, or fails on them.
        assertThat(bindingMisread).isGreaterThan(100);
    }

    @Test
    void aValueThatDoesNotParseFailsNamingItsField() {
        String document = "<MasterObjectList JobId=\"" + UUID.randomUUID() + "\"><Objects ChunkNumber=\"1\">"
                + "<Object Name=\"a\" Length=\"ten\" Offset=\"0\"/></Objects></MasterObjectList>";
        assertThatThrownBy(() -> read(document)).isInstanceOf(IOException.class)
                .hasMessageContaining("Length").hasMessageContaining("ten");
        // The summary never looks inside a chunk, so it does not fail on one.
        assertThat(readSummary(document).chunks()).isEmpty();
    }

    private static boolean bindingReadsTheSame(String document, MasterObjectList expected) {
        try {
            return Ds3Xml.mapper().readValue(document, MasterObjectList.class).equals(expected);
        } catch (IOException e) {
            return false;
        }
    }

    private static MasterObjectList read(String document) throws IOException {
        return Ds3Xml.readMasterObjectList(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));
    }

    private static MasterObjectList readSummary(String document) {
        try {
            return Ds3Xml.readMasterObjectListSummary(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static MasterObjectList withoutChunks(MasterObjectList m) {
        return new MasterObjectList(m.aggregating(), m.bucketName(), m.cachedSizeInBytes(),
                m.chunkClientProcessingOrderGuarantee(), m.completedSizeInBytes(), m.entirelyInCache(), m.jobId(),
                m.naked(), m.name(), m.originalSizeInBytes(), m.priority(), m.requestType(), m.startDate(), m.status(),
                m.userId(), m.userName(), m.nodes(), List.of());
    }

    /** An attribute; {@code optional} ones may be written empty in the messy rendering. */
    private record Attribute(String name, String value, boolean optional) {
    }

    /** One element with attributes, rendered as {@code <name a="v" …/>} or with children. */
    private record Element(String name, List<Attribute> attributes, List<Element> children) {

        String render(boolean messy, Random noise) {
            StringBuilder out = new StringBuilder("<").append(name);
            for (Attribute a : attributes) {
                out.append(' ').append(a.name()).append("=\"").append(a.value()).append('"');
            }
            if (messy) {
                for (String name : List.of("Aggregating", "BucketName", "UserName", "NodeId", "Bucket", "InCache", "VersionId", "Id")) {
                    boolean absent = attributes.stream().noneMatch(a -> a.name().equals(name));
                    if (absent && noise.nextInt(6) == 0 && emptyAllowed(this.name, name)) {
                        out.append(' ').append(name).append("=\"\"");
                    }
                }
            }
            if (children.isEmpty()) {
                return out.append("/>").toString();
            }
            out.append('>');
            for (Element child : children) {
                out.append(child.render(messy, noise));
                if (messy && noise.nextInt(5) == 0) {
                    out.append("<Annotation kind=\"extra\"><Deeper>text</Deeper></Annotation>");
                }
            }
            return out.append("</").append(name).append('>').toString();
        }

        private static boolean emptyAllowed(String element, String attribute) {
            return switch (element) {
                case "MasterObjectList" -> List.of("Aggregating", "BucketName", "UserName").contains(attribute);
                case "Objects" -> attribute.equals("NodeId");
                case "Object" -> List.of("Bucket", "InCache", "VersionId", "Id").contains(attribute);
                case "Node" -> attribute.equals("Id");
                default -> false;
            };
        }
    }

    /** A random MasterObjectList, rendered plainly or with empty attributes and unknown elements mixed in. */
    private record Document(Element root, long seed) {

        static Document random(Random random) {
            List<Attribute> root = new ArrayList<>();
            maybe(random, root, "Aggregating", bool(random));
            maybe(random, root, "BucketName", "bucket-" + random.nextInt(100) + (random.nextBoolean() ? " &amp; more" : ""));
            maybe(random, root, "CachedSizeInBytes", Long.toString(random.nextLong(1L << 50)));
            maybe(random, root, "ChunkClientProcessingOrderGuarantee", random.nextBoolean() ? "NONE" : "IN_ORDER");
            maybe(random, root, "CompletedSizeInBytes", Long.toString(random.nextLong(1L << 50)));
            maybe(random, root, "EntirelyInCache", bool(random));
            maybe(random, root, "JobId", UUID.randomUUID().toString());
            maybe(random, root, "Naked", bool(random));
            maybe(random, root, "Name", "job &lt;" + random.nextInt(1000) + "&gt; \u00e9t\u00e9");
            maybe(random, root, "OriginalSizeInBytes", Long.toString(random.nextLong(1L << 50)));
            maybe(random, root, "Priority", PRIORITIES[random.nextInt(PRIORITIES.length)]);
            maybe(random, root, "RequestType", TYPES[random.nextInt(TYPES.length)]);
            maybe(random, root, "StartDate", random.nextBoolean() ? "2026-11-29T05:40:00.123Z" : "2016-12-01T18:51:09Z");
            maybe(random, root, "Status", STATUSES[random.nextInt(STATUSES.length)]);
            maybe(random, root, "UserId", UUID.randomUUID().toString());
            maybe(random, root, "UserName", random.nextBoolean() ? "alice" : "bob");
            maybe(random, root, "SomethingNewer", "x");
            Collections.shuffle(root, random);

            List<Element> children = new ArrayList<>();
            if (random.nextInt(4) > 0) {
                List<Element> nodes = new ArrayList<>();
                for (int n = random.nextInt(4); n > 0; n--) {
                    List<Attribute> node = new ArrayList<>();
                    maybe(random, node, "EndPoint", "10.0.0." + random.nextInt(255));
                    maybe(random, node, "HttpPort", Integer.toString(random.nextInt(65536)));
                    maybe(random, node, "HttpsPort", Integer.toString(random.nextInt(65536)));
                    maybe(random, node, "Id", UUID.randomUUID().toString());
                    Collections.shuffle(node, random);
                    nodes.add(new Element("Node", node, List.of()));
                }
                children.add(new Element("Nodes", List.of(), nodes));
            }
            for (int c = random.nextInt(5); c > 0; c--) {
                List<Attribute> chunk = new ArrayList<>();
                maybe(random, chunk, "ChunkId", UUID.randomUUID().toString());
                chunk.add(new Attribute("ChunkNumber", Integer.toString(random.nextInt(1000)), false));
                maybe(random, chunk, "NodeId", UUID.randomUUID().toString());
                List<Element> objects = new ArrayList<>();
                for (int o = random.nextInt(5); o > 0; o--) {
                    List<Attribute> object = new ArrayList<>();
                    maybe(random, object, "Bucket", "archive-media");
                    maybe(random, object, "Id", UUID.randomUUID().toString());
                    maybe(random, object, "InCache", bool(random));
                    maybe(random, object, "Latest", bool(random));
                    object.add(new Attribute("Length", Long.toString(random.nextLong(1L << 40)), false));
                    maybe(random, object, "Name", "dir/file-" + random.nextInt(10_000) + ".bin");
                    object.add(new Attribute("Offset", Long.toString(random.nextLong(1L << 40)), false));
                    maybe(random, object, "VersionId", UUID.randomUUID().toString());
                    maybe(random, object, "Unheard", "of");
                    Collections.shuffle(object, random);
                    objects.add(new Element("Object", object, List.of()));
                }
                children.add(new Element("Objects", chunk, objects));
            }
            if (random.nextInt(4) == 0) {
                children.add(new Element("FutureElement", List.of(new Attribute("a", "1", false)),
                        List.of(new Element("Objects", List.of(new Attribute("ChunkNumber", "9", false)), List.of()))));
            }
            return new Document(new Element("MasterObjectList", root, children), random.nextLong());
        }

        /**
         * The plain rendering keeps the chunks together, Nodes and unknown elements before or after them (what
         * servers write, and what the binding reads right); the messy one interleaves them, adds annotations
         * between objects and chunks, empty attributes where a value may be absent, and whitespace.
         */
        String render(boolean messy) {
            Random noise = new Random(seed);
            List<Element> children = new ArrayList<>(root.children());
            if (messy) {
                // The chunks keep their order; Nodes and the unknown element go anywhere among them.
                List<Element> others = children.stream().filter(e -> !e.name().equals("Objects")).toList();
                children.removeAll(others);
                for (Element other : others) {
                    children.add(noise.nextInt(children.size() + 1), other);
                }
            }
            String whitespace = messy ? "\n  " : "";
            Element ordered = new Element(root.name(), root.attributes(), children);
            String rendered = ordered.render(messy, noise);
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + whitespace + rendered.replace("><", ">" + whitespace + "<");
        }

        private static void maybe(Random random, List<Attribute> attributes, String name, String value) {
            if (random.nextInt(4) > 0) {
                attributes.add(new Attribute(name, value, true));
            }
        }

        private static String bool(Random random) {
            return random.nextBoolean() ? "true" : "false";
        }
    }
}
