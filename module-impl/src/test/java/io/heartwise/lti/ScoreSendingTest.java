package io.heartwise.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.config.SettingsException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScoreSendingTest {

    @Test
    void scoresAreSentEveryFiveSecondsRetriedAfterFiveAndClaimedForTwoMinutesByDefault() {
        assertEquals(new ScoreSending(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMinutes(2)), ScoreSending.defaults());
    }

    @Test
    void everyWaitIsSetInMilliseconds() {
        Map<String, String> values = Map.of(ScoreSending.INTERVAL, "200", ScoreSending.RETRY_BASE, " 300 ", ScoreSending.CLAIM, "4000");
        assertEquals(new ScoreSending(Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(4000)),
                ScoreSending.from(name -> Optional.ofNullable(values.get(name))));
    }

    @Test
    void aWaitThatIsNoNumberOrOutOfRangeIsRefusedNamingTheSetting() {
        for (String bad : new String[] {"5s", "0", "-1", "3600001"}) {
            SettingsException refused = assertThrows(SettingsException.class,
                    () -> ScoreSending.from(name -> Optional.of(bad).filter(value -> name.equals(ScoreSending.RETRY_BASE))), bad);
            assertTrue(refused.getMessage().startsWith(ScoreSending.RETRY_BASE), refused.getMessage());
        }
    }
}
