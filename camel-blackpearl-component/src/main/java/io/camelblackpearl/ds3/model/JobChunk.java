package io.camelblackpearl.ds3.model;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.util.List;
import java.util.UUID;

/** One {@code <Objects>} chunk of a MasterObjectList. */
public record JobChunk(
        @JacksonXmlProperty(isAttribute = true, localName = "ChunkId") UUID chunkId,
        @JacksonXmlProperty(isAttribute = true, localName = "ChunkNumber") int chunkNumber,
        @JacksonXmlProperty(isAttribute = true, localName = "NodeId") UUID nodeId,
        @JacksonXmlElementWrapper(useWrapping = false)
        @JacksonXmlProperty(localName = "Object") List<BulkObject> objects) {

    public JobChunk {
        objects = objects == null ? List.of() : List.copyOf(objects);
    }
}
