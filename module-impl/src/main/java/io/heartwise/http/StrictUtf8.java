package io.heartwise.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.io.ContentReference;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * The one rule for the bytes of JSON the API reads: well-formed UTF-8 (RFC 8259 8.1), checked
 * before Jackson reads them. Jackson does not decode every byte it is given (once it had seen the
 * name {@code answers}, a field name holding the byte 0xFF was read as {@code answers}), and it
 * reads UTF-16 and UTF-32 as readily as UTF-8; so a byte that is no part of a UTF-8 character is
 * refused, and so is a zero byte, which no JSON text holds (it escapes U+0000) and
 * which UTF-16 or UTF-32 text of JSON always does. Every mapper of {@link JsonMappers} applies it
 * to what it parses from bytes, whichever adapter reads the body. Stateless, so thread-safe.
 */
public final class StrictUtf8 {

    private StrictUtf8() {
    }

    /**
     * Checks the whole of a JSON text's bytes.
     *
     * @param json the bytes, all of them
     * @throws JsonParseException for the first byte that is not UTF-8 or is zero, with its offset,
     *                            line and column in the message and a {@link MalformedInputException}
     *                            as its cause; a request body so refused is a 400 {@code malformed-body}
     */
    public static void check(byte[] json) throws JsonParseException {
        for (int offset = 0; offset < json.length; offset++) {
            if (json[offset] == 0) {
                throw refused(json, offset, "is a zero byte: JSON is sent as UTF-8, never as UTF-16 or UTF-32, and writes U+0000 as \\u0000");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(json);
        CharBuffer out = CharBuffer.allocate(Math.min(json.length, 4096) + 1);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                throw refused(json, in.position(), "is not part of a well-formed UTF-8 character");
            }
            if (result.isUnderflow()) {
                return;
            }
            out.clear();
        }
    }

    private static JsonParseException refused(byte[] json, int offset, String what) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (json[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = offset - lineStart + 1;
        String message = String.format("The request body is not UTF-8 JSON: byte 0x%02X at offset %d (line %d, column %d) %s.",
                json[offset] & 0xFF, offset, line, column, what);
        return new JsonParseException(null, message, new JsonLocation(ContentReference.unknown(), offset, -1, line, column),
                new MalformedInputException(1));
    }
}
