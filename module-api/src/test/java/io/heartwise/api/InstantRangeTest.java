package io.heartwise.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which instants the API accepts from a client. */
class InstantRangeTest {

    @Test
    void everyInstantAnRfc3339TimestampOfYear1To9999WritesIsAccepted() {
        for (String at : List.of("0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2026-01-31T12:00:00.123456789Z",
                "9999-12-31T23:59:59.999999999Z")) {
            assertTrue(InstantRange.contains(Instant.parse(at)), at);
        }
    }

    @Test
    void instantsBeforeYear1OrAfterYear9999AreNot() {
        for (Instant at : List.of(Instant.MIN, Instant.parse("0000-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.MAX)) {
            assertFalse(InstantRange.contains(at), at.toString());
        }
        assertFalse(InstantRange.contains(null));
    }
}
