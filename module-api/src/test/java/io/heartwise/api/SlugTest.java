package io.heartwise.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The slug rule, as a check and as the pattern that Bean Validation matches. */
class SlugTest {
    private static final List<String> SLUGS = List.of("a", "0", "why-men-pull-away", "q1-2-3", "a".repeat(64));
    private static final List<String> NOT_SLUGS = List.of("", "-a", "a-", "a--b", "A", "a_b", "a b", "caf\u00e9", "a\u0000",
            "a".repeat(65), "x-".repeat(32) + "x");

    @Test
    void slugsAreLowercaseWordsJoinedBySingleHyphensOfAtMost64Characters() {
        SLUGS.forEach(slug -> assertTrue(Slug.isValid(slug), slug));
        NOT_SLUGS.forEach(notSlug -> assertFalse(Slug.isValid(notSlug), notSlug));
        assertFalse(Slug.isValid(null));
    }

    @Test
    void thePatternMatchesTheSameShapesAsThePortablePatternOfTheDocuments() {
        Pattern pattern = Pattern.compile(Slug.PATTERN);
        Pattern portable = Pattern.compile(Slug.PORTABLE_PATTERN);
        for (String value : List.of("a", "a-b", "a-b-c", "ab-cd-ef", "-a", "a-", "a--b", "A-b", "", "1-2")) {
            assertEquals(portable.matcher(value).matches(), pattern.matcher(value).matches(), value);
        }
    }

    @Test
    void thePatternMatchesMegabytesOfDashedWordsInASmallStack() throws InterruptedException {
        String dashed = "ab-".repeat(400_000) + "c";
        boolean[] matched = new boolean[2];
        Throwable[] failure = new Throwable[1];
        Thread small = new Thread(null, () -> {
            try {
                matched[0] = Pattern.compile(Slug.PATTERN).matcher(dashed).matches();
                matched[1] = Pattern.compile(Slug.PATTERN).matcher(dashed + "-").matches();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "small-stack", 128 * 1024);
        small.start();
        small.join();
        assertEquals(null, failure[0], "the pattern recursed once per word");
        assertTrue(matched[0]);
        assertFalse(matched[1]);
    }
}
