package io.camelblackpearl.ds3.model;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer to Modify Active Job and Get Job: the job's scalars (XML attributes), its nodes and, unless
 * read in summary mode, its chunks with their objects.
 */
public record MasterObjectList(
        @JacksonXmlProperty(isAttribute = true, localName = "Aggregating") Boolean aggregating,
        @JacksonXmlProperty(isAttribute = true, localName = "BucketName") String bucketName,
        @JacksonXmlProperty(isAttribute = true, localName = "CachedSizeInBytes") Long cachedSizeInBytes,
        @JacksonXmlProperty(isAttribute = true, localName = "ChunkClientProcessingOrderGuarantee") String chunkClientProcessingOrderGuarantee,
        @JacksonXmlProperty(isAttribute = true, localName = "CompletedSizeInBytes") Long completedSizeInBytes,
        @JacksonXmlProperty(isAttribute = true, localName = "EntirelyInCache") Boolean entirelyInCache,
        @JacksonXmlProperty(isAttribute = true, localName = "JobId") UUID jobId,
        @JacksonXmlProperty(isAttribute = true, localName = "Naked") Boolean naked,
        @JacksonXmlProperty(isAttribute = true, localName = "Name") String name,
        @JacksonXmlProperty(isAttribute = true, localName = "OriginalSizeInBytes") Long originalSizeInBytes,
        @JacksonXmlProperty(isAttribute = true, localName = "Priority") Priority priority,
        @JacksonXmlProperty(isAttribute = true, localName = "RequestType") JobRequestType requestType,
        @JacksonXmlProperty(isAttribute = true, localName = "StartDate") Instant startDate,
        @JacksonXmlProperty(isAttribute = true, localName = "Status") JobStatus status,
        @JacksonXmlProperty(isAttribute = true, localName = "UserId") UUID userId,
        @JacksonXmlProperty(isAttribute = true, localName = "UserName") String userName,
        // Named after the wrapper: records bind by creator name, and Jackson XML renames a wrapped list to it.
        @JacksonXmlElementWrapper(localName = "Nodes")
        @JacksonXmlProperty(localName = "Nodes") List<JobNode> nodes,
        @JacksonXmlElementWrapper(useWrapping = false)
        @JacksonXmlProperty(localName = "Objects") List<JobChunk> chunks) {

    public MasterObjectList {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        chunks = chunks == null ? List.of() : List.copyOf(chunks);
    }
}
