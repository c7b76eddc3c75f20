package io.heartwise.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MountTest {

    @Test
    void anApplicationOfItsOwnOwnsEveryRequest() {
        Mount whole = Mount.wholeApplication();
        assertTrue(whole.owns("anything/at/all"));
        assertTrue(whole.isWholeApplication());
    }

    @Test
    void underAMountPathTheApiOwnsExactlyWhatIsUnderIt() {
        Mount mount = Mount.inHost("/learning/", List.of());
        assertEquals("learning", mount.path());
        assertEquals("learning/lessons", mount.prefixed("/lessons"));
        assertOwnership(mount, List.of("learning", "/learning/lessons/x", "learning/no-such-route"),
                List.of("learning-more/lessons", "lessons", "health"));
    }

    @Test
    void atTheHostsRootTheApiOwnsItsRoutesOnly() {
        assertOwnership(Mount.inHost("", List.of("demo/token")),
                List.of("lessons", "/quizzes/some-quiz/attempts", "reports/quizzes/some-quiz/export", "demo/token"),
                List.of("reports/sales", "reports-archive", "lessons/a/b/c/d", "uploads"));
    }

    private static void assertOwnership(Mount mount, List<String> owned, List<String> notOwned) {
        owned.forEach(path -> assertTrue(mount.owns(path), path));
        notOwned.forEach(path -> assertFalse(mount.owns(path), path));
    }

    @Test
    void aMountPathIsPlainSegments() {
        assertThrows(IllegalArgumentException.class, () -> Mount.inHost("learning/../admin", List.of()));
        assertThrows(IllegalArgumentException.class, () -> Mount.inHost("learn ing", List.of()));
    }
}
