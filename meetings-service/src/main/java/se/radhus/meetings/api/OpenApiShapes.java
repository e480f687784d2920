package se.radhus.meetings.api;

import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import se.radhus.common.diarium.Diarienummer;

/**
 * What the OpenAPI document says of the values {@code json/RadhusJson} writes its own way: a
 * diarienummer is a string as printed (a client generated from the document read it as an object).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiShapes {

    static {
        SpringDocUtils.getConfig().replaceWithSchema(Diarienummer.class, new StringSchema()
                .description("A case number as its registry prints it (KS-2024/00449, SLK-2024-00252, 00190/2024).")
                .example("KS-2024/00449"));
    }
}
