package io.camelblackpearl.ds3.model;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.util.UUID;

/** A data-path node a job's chunks are served from ({@code <Node EndPoint HttpPort HttpsPort Id/>}). */
public record JobNode(
        @JacksonXmlProperty(isAttribute = true, localName = "EndPoint") String endPoint,
        @JacksonXmlProperty(isAttribute = true, localName = "HttpPort") Integer httpPort,
        @JacksonXmlProperty(isAttribute = true, localName = "HttpsPort") Integer httpsPort,
        @JacksonXmlProperty(isAttribute = true, localName = "Id") UUID id) {
}
