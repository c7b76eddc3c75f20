package io.heartwise.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link StrictUtf8#check} lets through, which every mapper of {@link JsonMappers} applies to the bytes it parses. */
class StrictUtf8Test {

    @Test
    void wellFormedUtf8PassesWhateverItsCharacters() throws JsonParseException {
        for (String text : List.of("", "{}", "{\"answers\":[]}", "{\"t\":\"caf\u00e9 \u2764 \u5b66 \ud83d\udc9c\"}", "\ufeff{}", "{\"a\":\"\\u0000\"}")) {
            StrictUtf8.check(text.getBytes(StandardCharsets.UTF_8));
        }
        StrictUtf8.check(("{\"t\":\"" + "\u00e9\ud83d\udc9c".repeat(10_000) + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anOffsetPastTheDecodersBufferIsStillTheOffsetInTheBody() {
        byte[] body = ("\"" + "\u00e9".repeat(10_000) + "x\"").getBytes(StandardCharsets.UTF_8);
        body[20_001] = (byte) 0xFE;
        JsonParseException refused = assertThrows(JsonParseException.class, () -> StrictUtf8.check(body));
        assertEquals("The request body is not UTF-8 JSON: byte 0xFE at offset 20001 (line 1, column 20002) is not part of a well-formed UTF-8 character.",
                refused.getOriginalMessage());
    }

    @Test
    void theFirstByteThatIsNotUtf8IsNamedByOffsetLineAndColumn() {
        JsonParseException refused = assertThrows(JsonParseException.class,
                () -> StrictUtf8.check(new byte[] {'{', '\n', '"', 'a', 'n', 's', 'w', (byte) 0xFF, 'e', 'r', 's', '"', ':', '[', ']', '}'}));
        assertEquals("The request body is not UTF-8 JSON: byte 0xFF at offset 7 (line 2, column 6) is not part of a well-formed UTF-8 character.",
                refused.getOriginalMessage());
        assertEquals(2, refused.getLocation().getLineNr());
        assertTrue(refused.getCause() instanceof java.nio.charset.MalformedInputException, "the cause says the bytes are not UTF-8");
    }

    @Test
    void overlongSurrogateOutOfRangeAndTruncatedSequencesAreRefused() {
        for (byte[] body : List.of(
                new byte[] {'"', (byte) 0xC0, (byte) 0xAF, '"'},
                new byte[] {'"', (byte) 0xE0, (byte) 0x80, (byte) 0xAF, '"'},
                new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'},
                new byte[] {'"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'},
                new byte[] {'"', (byte) 0xF8, '"'},
                new byte[] {'"', (byte) 0x80, '"'},
                new byte[] {'"', (byte) 0xE2, (byte) 0x9D})) {
            assertThrows(JsonParseException.class, () -> StrictUtf8.check(body));
        }
    }

    @Test
    void utf16AndUtf32AreRefusedByTheirZeroBytes() {
        for (String charset : List.of("UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE")) {
            JsonParseException refused = assertThrows(JsonParseException.class,
                    () -> StrictUtf8.check("{\"answers\":[]}".getBytes(java.nio.charset.Charset.forName(charset))), charset);
            assertTrue(refused.getOriginalMessage().contains("is a zero byte"), refused.getOriginalMessage());
        }
    }
}
