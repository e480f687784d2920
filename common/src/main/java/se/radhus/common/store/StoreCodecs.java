package se.radhus.common.store;

import com.mongodb.MongoClientSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import se.radhus.common.diarium.Diarienummer;

/**
 * How domain records become BSON, through the driver's codecs and nothing else: records by their
 * components (the driver's record codec: no annotations needed in the domain), enums by name, and these
 * values as strings, as they have always been stored: a date "2024-05-21" (which compares and sorts as a
 * date), an instant in ISO form, a diarienummer "KS-2024/00449", a decimal exactly.
 */
public final class StoreCodecs {

    /** The values above first, then the driver's defaults (records, enums, lists, maps, documents). */
    public static final CodecRegistry REGISTRY = CodecRegistries.fromRegistries(
            CodecRegistries.fromCodecs(
                    new AsString<>(LocalDate.class, LocalDate::toString, StoreCodecs::date),
                    new AsString<>(Instant.class, Instant::toString, Instant::parse),
                    new AsString<>(Diarienummer.class, Diarienummer::toString, Diarienummer::parse),
                    new DecimalCodec()),
            MongoClientSettings.getDefaultCodecRegistry());

    private StoreCodecs() {
    }

    public static <T> Codec<T> of(Class<T> type) {
        return REGISTRY.get(type);
    }

    /**
     * A codec for an aggregate whose stored form is written by hand: to and from a {@link Document}, which
     * the driver's document codec turns into BSON (no JSON text on the way).
     */
    public static <T> Codec<T> mapped(Class<T> type, Function<T, Document> toDocument, Function<Document, T> fromDocument) {
        Codec<Document> documents = REGISTRY.get(Document.class);
        return new Codec<>() {
            @Override
            public void encode(BsonWriter writer, T value, EncoderContext context) {
                documents.encode(writer, toDocument.apply(value), context);
            }

            @Override
            public T decode(BsonReader reader, DecoderContext context) {
                return fromDocument.apply(documents.decode(reader, context));
            }

            @Override
            public Class<T> getEncoderClass() {
                return type;
            }
        };
    }

    /** "2024-05-21" read without a formatter (the stored form is always ISO); any other form through the parser. */
    static LocalDate date(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            try {
                return LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
                        Integer.parseInt(text, 8, 10, 10));
            } catch (NumberFormatException | java.time.DateTimeException e) {
                // not a plain ISO date after all: the parser says what is wrong
            }
        }
        return LocalDate.parse(text);
    }

    /** A value stored as its string form. */
    private record AsString<T>(Class<T> type, Function<T, String> format, Function<String, T> parse) implements Codec<T> {

        @Override
        public void encode(BsonWriter writer, T value, EncoderContext context) {
            writer.writeString(format.apply(value));
        }

        @Override
        public T decode(BsonReader reader, DecoderContext context) {
            return parse.apply(reader.readString());
        }

        @Override
        public Class<T> getEncoderClass() {
            return type;
        }
    }

    /** A decimal as its exact string; also reads the numbers older documents hold. */
    private static final class DecimalCodec implements Codec<BigDecimal> {

        @Override
        public void encode(BsonWriter writer, BigDecimal value, EncoderContext context) {
            writer.writeString(value.toPlainString());
        }

        @Override
        public BigDecimal decode(BsonReader reader, DecoderContext context) {
            BsonType type = reader.getCurrentBsonType();
            return switch (type) {
                case STRING -> new BigDecimal(reader.readString());
                case DOUBLE -> BigDecimal.valueOf(reader.readDouble());
                case INT32 -> BigDecimal.valueOf(reader.readInt32());
                case INT64 -> BigDecimal.valueOf(reader.readInt64());
                case DECIMAL128 -> reader.readDecimal128().bigDecimalValue();
                default -> throw new org.bson.BsonInvalidOperationException("a decimal cannot be read from " + type);
            };
        }

        @Override
        public Class<BigDecimal> getEncoderClass() {
            return BigDecimal.class;
        }
    }
}
