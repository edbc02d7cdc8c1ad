package io.camelblackpearl.ds3.model;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.util.UUID;

/** One object (or part of one) in a job chunk. Note the DS3 attribute is {@code VersionId}, not {@code Version}. */
public record BulkObject(
        @JacksonXmlProperty(isAttribute = true, localName = "Bucket") String bucket,
        @JacksonXmlProperty(isAttribute = true, localName = "Id") UUID id,
        @JacksonXmlProperty(isAttribute = true, localName = "InCache") Boolean inCache,
        @JacksonXmlProperty(isAttribute = true, localName = "Latest") Boolean latest,
        @JacksonXmlProperty(isAttribute = true, localName = "Length") long length,
        @JacksonXmlProperty(isAttribute = true, localName = "Name") String name,
        @JacksonXmlProperty(isAttribute = true, localName = "Offset") long offset,
        @JacksonXmlProperty(isAttribute = true, localName = "VersionId") UUID versionId) {
}
