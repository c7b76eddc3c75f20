package io.heartwise.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which ids of a platform's choosing the API carries. */
class ExternalIdTest {

    @Test
    void anyTextOfOneTo255CharactersWithoutControlCharactersIsAnId() {
        for (String id : List.of("alice", "Alice Smith", "auth0|5f7c8ec7c33c6c004bbafe82", "https://lms.example.edu/users/7", "caf\u00e9",
                "\u5b66\u751f", "\ud83d\udc9c", "x".repeat(255), "a\u2028b")) {
            assertTrue(ExternalId.isValid(id), id);
        }
    }

    @Test
    void blankOverlongOrControlCharactersOrHalfASurrogatePairIsNoId() {
        for (String id : List.of("", " ", "\t", "x".repeat(256), "a\u0000", "a\u001b[31m", "a\u007f", "a\u0085", "a\u009f", "a\n",
                "a\ud800", "\udc00a", "a\ud83d")) {
            assertFalse(ExternalId.isValid(id), id);
        }
        assertFalse(ExternalId.isValid(null));
    }
}
