package se.radhus.meetings.json;

import se.radhus.common.diarium.Diarienummer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * How the service's values look in JSON, for the API and for the store alike: a diarienummer is its
 * canonical string, "KS-2024/00449", read from any spelling real protocols use.
 */
public final class RadhusJson {

    private RadhusJson() {
    }

    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("radhus");
        module.addSerializer(Diarienummer.class, new ValueSerializer<>() {
            @Override
            public void serialize(Diarienummer value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(value.toString());
            }
        });
        module.addDeserializer(Diarienummer.class, new ValueDeserializer<>() {
            @Override
            public Diarienummer deserialize(JsonParser p, DeserializationContext ctxt) {
                return Diarienummer.parse(p.getValueAsString());
            }
        });
        return module;
    }

    /** The mapper the store uses: lenient about fields it does not know (old documents, store fields). */
    public static JsonMapper storeMapper() {
        return JsonMapper.builder().addModule(module())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }
}
