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
        assertTrue(mount.owns("learning"));
        assertTrue(mount.owns("/learning/lessons/x"));
        assertTrue(mount.owns("learning/no-such-route"));
        assertFalse(mount.owns("learning-more/lessons"));
        assertFalse(mount.owns("lessons"));
        assertFalse(mount.owns("health"));
    }

    @Test
    void atTheHostsRootTheApiOwnsItsRoutesOnly() {
        Mount root = Mount.inHost("", List.of("demo/token"));
        assertTrue(root.owns("lessons"));
        assertTrue(root.owns("/quizzes/some-quiz/attempts"));
        assertTrue(root.owns("reports/quizzes/some-quiz/export"));
        assertTrue(root.owns("demo/token"));
        assertFalse(root.owns("reports/sales"));
        assertFalse(root.owns("reports-archive"));
        assertFalse(root.owns("lessons/a/b/c/d"));
        assertFalse(root.owns("uploads"));
    }

    @Test
    void aMountPathIsPlainSegments() {
        assertThrows(IllegalArgumentException.class, () -> Mount.inHost("learning/../admin", List.of()));
        assertThrows(IllegalArgumentException.class, () -> Mount.inHost("learn ing", List.of()));
    }
}
