package io.heartwise.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.IOContext;
import java.io.IOException;
import java.io.InputStream;

/**
 * Jackson's JSON factory, parsing bytes only once {@link StrictUtf8} has passed them: byte arrays
 * (as the servlet fast path reads a body) and streams (as Jersey hands one over) alike. A stream
 * is read whole first; the API reads no JSON larger than a request body, which
 * {@link BodySizeLimit} bounds. Text already decoded ({@code String}, {@code Reader}) is parsed as
 * it is. Thread-safe, as Jackson's own.
 */
final class Utf8JsonFactory extends JsonFactory {
    private static final long serialVersionUID = 1L;

    Utf8JsonFactory() {
    }

    private Utf8JsonFactory(Utf8JsonFactory original) {
        super(original, null);
    }

    @Override
    public JsonFactory copy() {
        return new Utf8JsonFactory(this);
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
        StrictUtf8.check(offset == 0 && length == data.length ? data : java.util.Arrays.copyOfRange(data, offset, offset + length));
        return super._createParser(data, offset, length, context);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
        byte[] data = in.readAllBytes();
        StrictUtf8.check(data);
        return super._createParser(data, 0, data.length, context);
    }
}
