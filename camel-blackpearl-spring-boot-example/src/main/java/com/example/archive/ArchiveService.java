package com.example.archive;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

/** A service that reports the appliance's queue every minute; the escalation runs from properties alone. */
@SpringBootApplication
public class ArchiveService {

    public static void main(String[] args) {
        SpringApplication.run(ArchiveService.class, args);
    }

    @Component
    static class QueueReport extends RouteBuilder {
        @Override
        public void configure() {
            from("timer:queue-report?period={{archive.report-period:60000}}")
                    .to("blackpearl:activeJob?operation=list&priority=LOW")
                    .log("${header.CamelBlackPearlTotalResultCount} active jobs wait at LOW priority");
        }
    }
}
