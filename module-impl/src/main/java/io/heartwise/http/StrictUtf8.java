package io.heartwise.http;

import io.heartwise.api.ProblemType;
import io.heartwise.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * The one rule for the bytes of a JSON request body: well-formed UTF-8 (RFC 8259 8.1), checked
 * before Jackson reads them. Jackson does not decode every byte it is given (a field name holding
 * the byte 0xFF was read as {@code answers}), and it reads UTF-16 and UTF-32 as readily as UTF-8;
 * so a byte that is no part of a UTF-8 character is refused, and so is a zero byte, which no JSON
 * text holds (U+0000 is written {@code \u0000}) and which UTF-16 or UTF-32 text of JSON always
 * does. A refused body is a 400 {@code malformed-body}. Jersey applies this to every JSON body as
 * a reader interceptor, after any content decoding; a servlet fast path that reads a body itself
 * calls {@link #check}. Stateless, so thread-safe.
 */
@Priority(Priorities.USER)
public final class StrictUtf8 implements ReaderInterceptor {

    /**
     * Checks a whole request body.
     *
     * @param body the bytes of a JSON request body, all of them
     * @throws ProblemException {@code 400 malformed-body} naming the offset of the first byte that
     *                          is not UTF-8 or is zero; nothing is thrown for a body that passes
     */
    public static void check(byte[] body) {
        for (int offset = 0; offset < body.length; offset++) {
            if (body[offset] == 0) {
                throw refused(body, offset, "is a zero byte: JSON is sent as UTF-8, never as UTF-16 or UTF-32, and writes U+0000 as \\u0000");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(Math.min(body.length, 4096) + 1);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                throw refused(body, in.position(), "is not part of a well-formed UTF-8 character");
            }
            if (result.isUnderflow()) {
                return;
            }
            out.clear();
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && (MediaType.APPLICATION_JSON_TYPE.isCompatible(type) || type.getSubtype().endsWith("+json"))) {
            // Bounded: BodySizeLimit counts the bytes of this stream.
            byte[] body = context.getInputStream().readAllBytes();
            check(body);
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }

    private static ProblemException refused(byte[] body, int offset, String what) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (body[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new ProblemException(ProblemType.MALFORMED_BODY, String.format(
                "The request body is not UTF-8 JSON: byte 0x%02X at offset %d (line %d, column %d) %s.",
                body[offset] & 0xFF, offset, line, offset - lineStart + 1, what));
    }
}
