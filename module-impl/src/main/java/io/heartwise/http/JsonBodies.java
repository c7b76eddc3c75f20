package io.heartwise.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heartwise.problem.JsonBodyExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads and writes the API's JSON bodies with the API's own mapper ({@link JsonMappers#api()}),
 * and nothing else: only the plugin's own records, so that in a host's application a host's
 * {@code ContextResolver<ObjectMapper>} never changes the API's JSON, and the API's never the
 * host's. Declared for {@link Record} and the JSON media types, it is nearer to the API's records
 * than a general JSON provider a host registers. A body that is not JSON of the right shape is a
 * {@code malformed-body} problem, thrown as the API's own exception so that no host mapper of
 * Jackson's exceptions answers it. Thread-safe.
 */
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
@Consumes(MediaType.APPLICATION_JSON)
public final class JsonBodies implements MessageBodyReader<Record>, MessageBodyWriter<Record> {
    private final ObjectMapper mapper;

    public JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    private static boolean isApiType(Class<?> type) {
        return type.isRecord() && type.getName().startsWith("io.heartwise.");
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isApiType(type);
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        try {
            return mapper.readValue(body, mapper.constructType(genericType));
        } catch (JsonProcessingException e) {
            throw JsonBodyExceptionMapper.problem(e);
        }
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isApiType(type);
    }

    @Override
    public void writeTo(Record entity, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream body) throws IOException {
        mapper.writerFor(mapper.constructType(genericType)).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(body, entity);
    }
}
