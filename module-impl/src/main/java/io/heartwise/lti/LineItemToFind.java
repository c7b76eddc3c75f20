package io.heartwise.lti;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A quiz's line item known only by its container: a launch whose AGS claim has {@code lineitems}
 * but no {@code lineitem} (Moodle's links made without one, many Canvas links). It stands in the
 * outbox where a line item's URL would (the container's URL with a fragment no platform URL has,
 * and none is ever sent), so that scores are owed from the first attempt; the sender finds the line
 * item in the container, or creates it, when it first sends ({@link PlatformServices#lineItem}).
 *
 * @param container      the {@code lineitems} URL, query kept
 * @param resourceLinkId the launch's resource link, whose line item for the quiz is meant
 */
record LineItemToFind(URI container, String resourceLinkId) {
    private static final String MARK = "#heartwise-line-item-for-resource-link=";

    /** @return what stands in the outbox for this line item */
    String reference() {
        return container + MARK + URLEncoder.encode(resourceLinkId, StandardCharsets.UTF_8);
    }

    /** @return the line item to find that {@code lineItem} stands for; empty for a line item's own URL */
    static Optional<LineItemToFind> in(String lineItem) {
        int mark = lineItem.indexOf(MARK);
        if (mark < 0) {
            return Optional.empty();
        }
        return Optional.of(new LineItemToFind(URI.create(lineItem.substring(0, mark)),
                URLDecoder.decode(lineItem.substring(mark + MARK.length()), StandardCharsets.UTF_8)));
    }
}
