package io.heartwise.lti;

import io.heartwise.config.SettingsException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How often the outbox of scores is read, and how long a score the platform did not take waits
 * before it is tried again (then twice as long each time, up to an hour). Read like every other
 * setting; the defaults suit production, and tests shorten both so that a retry takes milliseconds.
 *
 * @param interval   the pause between two passes of the sender
 * @param firstRetry the wait before the second try of a score; the n-th retry waits {@code 2^(n-1)} times that
 * @param claim      how long a node holds a score it is sending before any node may send it again: longer than
 *                   a send can take; a score whose node died mid-send waits that long
 */
public record ScoreSending(Duration interval, Duration firstRetry, Duration claim) {
    public static final String INTERVAL = "heartwise.lti.score-interval-millis";
    public static final String RETRY_BASE = "heartwise.lti.score-retry-base-millis";
    public static final String CLAIM = "heartwise.lti.score-claim-millis";

    /** Every setting name of the score sender, for documentation. */
    public static final List<String> NAMES = List.of(INTERVAL, RETRY_BASE, CLAIM);

    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    private static final long SHORTEST = 10;
    private static final long LONGEST = Duration.ofHours(1).toMillis();

    /** @return the defaults: a pass every 5 seconds, retries after 5 s, 10 s, 20 s, …, claims of 2 minutes */
    public static ScoreSending defaults() {
        return from(name -> Optional.empty());
    }

    /** @throws SettingsException naming a bad setting */
    public static ScoreSending from(Function<String, Optional<String>> lookup) {
        return new ScoreSending(millis(lookup, INTERVAL, DEFAULT_INTERVAL), millis(lookup, RETRY_BASE, ScoreSender.FIRST_RETRY),
                millis(lookup, CLAIM, ScoreSender.CLAIM));
    }

    private static Duration millis(Function<String, Optional<String>> lookup, String name, Duration otherwise) {
        Optional<String> raw = lookup.apply(name).map(String::strip).filter(value -> !value.isEmpty());
        if (raw.isEmpty()) {
            return otherwise;
        }
        try {
            long value = Long.parseLong(raw.get());
            if (value >= SHORTEST && value <= LONGEST) {
                return Duration.ofMillis(value);
            }
        } catch (NumberFormatException notANumber) {
            // Named below, with the range.
        }
        throw new SettingsException(name + ": \"" + raw.get() + "\" is not a number of milliseconds from " + SHORTEST + " to " + LONGEST);
    }
}
