package io.heartwise.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heartwise.api.AttemptSubmission;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The API's JSON configuration, as Jersey and the servlet fast path read request bodies with it. */
class JsonMappersTest {
    private static final byte[] NAME_WITH_FF = {'{', '"', 'a', 'n', 's', 'w', (byte) 0xFF, 'e', 'r', 's', '"', ':', '[', ']', '}'};

    @Test
    void aMapperThatHasReadAnswersBeforeStillRefusesAFieldNameWithAByteThatIsNotUtf8() throws IOException {
        ObjectMapper json = JsonMappers.api();
        json.readValue("{\"answers\":[]}".getBytes(StandardCharsets.UTF_8), AttemptSubmission.class);

        JsonParseException fromBytes = assertThrows(JsonParseException.class, () -> json.readValue(NAME_WITH_FF, AttemptSubmission.class),
                "Jackson alone, once it knows the name, reads \"answ\\xffers\" as answers");
        JsonParseException fromStream = assertThrows(JsonParseException.class,
                () -> json.readValue(new ByteArrayInputStream(NAME_WITH_FF), AttemptSubmission.class));

        assertTrue(fromBytes.getOriginalMessage().startsWith("The request body is not UTF-8 JSON: byte 0xFF at offset 6"), fromBytes.getMessage());
        assertEquals(fromBytes.getOriginalMessage(), fromStream.getOriginalMessage());
    }

    @Test
    void utf16IsRefusedThoughJacksonWouldDetectAndReadIt() {
        byte[] utf16 = "{\"answers\":[]}".getBytes(StandardCharsets.UTF_16LE);
        assertThrows(JsonParseException.class, () -> JsonMappers.api().readValue(utf16, AttemptSubmission.class));
        assertThrows(JsonParseException.class, () -> JsonMappers.api().readValue(new ByteArrayInputStream(utf16), AttemptSubmission.class));
    }

    @Test
    void utf8WithAByteOrderMarkAndTextAlreadyDecodedAreRead() throws IOException {
        byte[] bom = "\ufeff{\"startedAt\":\"2026-01-01T00:00:00Z\",\"answers\":[]}".getBytes(StandardCharsets.UTF_8);
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), JsonMappers.api().readValue(bom, AttemptSubmission.class).startedAt());
        assertEquals(0, JsonMappers.api().readValue("{\"answers\":[]}", AttemptSubmission.class).answers().size());
    }

    @Test
    void aCopyOfTheMapperIsAsStrict() {
        ObjectMapper copy = JsonMappers.api().copy();
        assertThrows(JsonParseException.class, () -> copy.readValue(NAME_WITH_FF, AttemptSubmission.class));
    }
}
