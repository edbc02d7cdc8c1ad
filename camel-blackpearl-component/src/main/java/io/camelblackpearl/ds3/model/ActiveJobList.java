package io.camelblackpearl.ds3.model;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.util.List;

/** One page of List Active Jobs: {@code <Data><Job>…</Job>…</Data>}. */
public record ActiveJobList(
        @JacksonXmlElementWrapper(useWrapping = false)
        @JacksonXmlProperty(localName = "Job") List<ActiveJob> jobs) {

    public ActiveJobList {
        jobs = jobs == null ? List.of() : List.copyOf(jobs);
    }
}
