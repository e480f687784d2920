package se.radhus.meetings.json;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;

/** Registers the service's JSON modules with Spring's mapper. */
@Configuration(proxyBeanMethods = false)
public class JsonConfig {

    @Bean
    JacksonModule radhusModule() {
        return RadhusJson.module();
    }

    /**
     * Blackbird: property values read and written through generated lambdas rather than reflective calls,
     * which was the largest single part of writing a protocol (a 40 KB answer of records and lists).
     */
    @Bean
    JacksonModule blackbird() {
        return new tools.jackson.module.blackbird.BlackbirdModule();
    }
}
