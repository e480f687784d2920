package se.radhus.meetings.json;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;

/** Registers the service's JSON module with Spring's mapper. */
@Configuration(proxyBeanMethods = false)
public class JsonConfig {

    @Bean
    JacksonModule radhusModule() {
        return RadhusJson.module();
    }
}
