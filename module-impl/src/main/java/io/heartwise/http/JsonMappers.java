package io.heartwise.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * The one JSON configuration of the API: bytes parsed only when they are UTF-8 ({@link StrictUtf8}),
 * absent values omitted, unknown request fields rejected, dates as ISO-8601 strings, read only from
 * such strings. Used by Jersey (through {@link JsonBodies}, never as an application-wide resolver,
 * which would also change a host's JSON), by the servlet fast paths and by the precomputed content
 * representations alike.
 */
public final class JsonMappers {

    private JsonMappers() {
    }

    /** @return a new mapper with the API's configuration */
    public static ObjectMapper api() {
        return JsonMapper.builder(new Utf8JsonFactory())
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .addModule(new JavaTimeModule())
                // Registered after JavaTimeModule, so it is asked first.
                .addModule(new SimpleModule("iso-instants").addDeserializer(Instant.class, new IsoInstantDeserializer()))
                .build();
    }

    /**
     * An instant from an ISO-8601 string only, as the API documents it: Jackson's own reads a
     * number as epoch seconds (and {@code 1e300} as 1970-01-01T00:00:00Z) and an empty string as
     * no instant.
     */
    private static final class IsoInstantDeserializer extends StdScalarDeserializer<Instant> {
        private static final long serialVersionUID = 1L;

        IsoInstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            if (parser.getText().isBlank()) {
                return (Instant) context.handleWeirdStringValue(Instant.class, parser.getText(), "not an ISO-8601 instant");
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}
