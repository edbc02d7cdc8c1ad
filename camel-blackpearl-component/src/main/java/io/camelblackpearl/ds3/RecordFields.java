package io.camelblackpearl.ds3;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.stream.XMLStreamReader;

/**
 * How the StAX readers fill a model record: one table per record, built from the record's own declaration.
 * A record component is read from the XML element (or attribute) its Jackson annotation names, converted by
 * its Java type with the mapper's rules ({@link XmlValues}); a new DS3 field is one new annotated component,
 * read here and by the data binding alike. Components of a list type (nodes, chunks, objects) are not values:
 * the reader sets them itself with {@link #set(Object[], String, Object)}. A record itself, so that the JIT
 * trusts its final fields: held in a static final field, its constructor handle is a constant and inlined.
 */
record RecordFields<T extends Record>(Class<T> type, Map<String, Slot> byName, Map<String, Integer> lists, Object[] defaults,
                                      MethodHandle constructor) {

    /** Converts a field's text (null when empty) to its component's value. */
    @FunctionalInterface
    interface Converter {
        Object convert(String field, String text) throws IOException;
    }

    record Slot(int index, Converter converter) {
    }

    static <T extends Record> RecordFields<T> of(Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        Map<String, Slot> slots = new HashMap<>();
        Map<String, Integer> lists = new HashMap<>();
        Object[] defaults = new Object[components.length];
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            parameterTypes[i] = component.getType();
            String name = xmlName(component);
            if (component.getType() == List.class) {
                lists.put(name, i);
                continue;
            }
            defaults[i] = defaultValue(component.getType());
            slots.put(name, new Slot(i, converter(component.getType())));
        }
        try {
            MethodHandle canonical = MethodHandles.publicLookup().findConstructor(type, MethodType.methodType(void.class, parameterTypes));
            return new RecordFields<>(type, Map.copyOf(slots), Map.copyOf(lists), defaults,
                    canonical.asSpreader(Object[].class, components.length).asType(MethodType.methodType(Object.class, Object[].class)));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("No canonical constructor on " + type.getName(), e);
        }
    }

    /** The element or attribute name of a component: its Jackson annotation's, else its own. */
    private static String xmlName(RecordComponent component) {
        // Jackson's annotations do not target record components: they land on the component's private field.
        AnnotatedElement field = field(component);
        JsonProperty json = field.getAnnotation(JsonProperty.class);
        if (json != null && !json.value().isEmpty()) {
            return json.value();
        }
        JacksonXmlProperty xml = field.getAnnotation(JacksonXmlProperty.class);
        if (xml != null && !xml.localName().isEmpty()) {
            return xml.localName();
        }
        return component.getName();
    }

    private static Field field(RecordComponent component) {
        try {
            return component.getDeclaringRecord().getDeclaredField(component.getName());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return Boolean.FALSE;
        } else if (type == long.class) {
            return 0L;
        } else if (type == int.class) {
            return 0;
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Converter converter(Class<?> type) {
        if (type == String.class) {
            return (field, text) -> text;
        } else if (type == boolean.class) {
            return (field, text) -> XmlValues.bool(text);
        } else if (type == Boolean.class) {
            return (field, text) -> XmlValues.optionalBool(text);
        } else if (type == long.class) {
            return XmlValues::number;
        } else if (type == Long.class) {
            return XmlValues::optionalNumber;
        } else if (type == int.class) {
            return (field, text) -> Math.toIntExact(XmlValues.number(field, text));
        } else if (type == Integer.class) {
            return XmlValues::optionalInt;
        } else if (type == UUID.class) {
            return XmlValues::uuid;
        } else if (type == Instant.class) {
            return XmlValues::instant;
        } else if (type.isEnum()) {
            Class<? extends Enum> enumType = (Class<? extends Enum>) type;
            return (field, text) -> XmlValues.named(enumType, text);
        }
        throw new IllegalStateException("No XML reading for a component of type " + type.getName());
    }

    /** The values of a record not read yet: false, 0 and null. */
    Object[] start() {
        return defaults.clone();
    }

    /** Whether {@code name} is one of the record's value fields. */
    boolean knows(String name) {
        return byName.containsKey(name);
    }

    /** Reads the text of field {@code name} into {@code values}; an unknown name is ignored. */
    void read(Object[] values, String name, String text) throws IOException {
        Slot slot = byName.get(name);
        if (slot != null) {
            values[slot.index()] = slot.converter().convert(name, text);
        }
    }

    /** Reads the current element's attributes that are fields of the record (empty ones count as absent). */
    Object[] attributes(XMLStreamReader xml) throws IOException {
        Object[] values = start();
        for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
            String name = xml.getAttributeLocalName(i);
            Slot slot = byName.get(name);
            if (slot != null) {
                String value = xml.getAttributeValue(i);
                values[slot.index()] = slot.converter().convert(name, value == null || value.isEmpty() ? null : value);
            }
        }
        return values;
    }

    /** Sets a list component (by its XML name). */
    void set(Object[] values, String listName, Object list) {
        Integer index = lists.get(listName);
        if (index == null) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no list " + listName);
        }
        values[index] = list;
    }

    T build(Object[] values) {
        try {
            return type.cast(constructor.invokeExact(values));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot build a " + type.getSimpleName() + " from " + Arrays.toString(values), e);
        }
    }
}
