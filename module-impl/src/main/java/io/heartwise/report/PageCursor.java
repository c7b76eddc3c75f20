package io.heartwise.report;

import io.heartwise.api.InstantRange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a page of attempts ended: the last row's submission time and id, the keys the list is
 * ordered by, so the next page is an index range scan however deep it is. Opaque to clients
 * (base64url of {@code <epoch second>.<nanos>~<uuid>}).
 */
record PageCursor(Instant submittedAt, UUID id) {

    String encode() {
        String raw = submittedAt.getEpochSecond() + "." + submittedAt.getNano() + "~" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the cursor, or empty when the text is not one this class encoded */
    static Optional<PageCursor> decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int tilde = raw.indexOf('~');
            int dot = raw.indexOf('.');
            if (tilde < 0 || dot < 0 || dot > tilde) {
                return Optional.empty();
            }
            long seconds = Long.parseLong(raw.substring(0, dot));
            int nanos = Integer.parseInt(raw.substring(dot + 1, tilde));
            Instant submittedAt = Instant.ofEpochSecond(seconds, nanos);
            // A cursor comes back from the client: this one names an instant no attempt can have.
            if (!InstantRange.contains(submittedAt)) {
                return Optional.empty();
            }
            return Optional.of(new PageCursor(submittedAt, UUID.fromString(raw.substring(tilde + 1))));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
