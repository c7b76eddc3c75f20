package io.heartwise.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.api.Problem;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule the WAR's error page applies to a Content-Type that Jersey's servlet layer refused. */
class MediaTypeHeadersTest {

    @Test
    void noContentTypeOrAMediaTypeIsNoProblem() {
        for (String contentType : Arrays.asList(null, "application/json", "application/json; charset=utf-8", "application/json;", "text/plain",
                "APPLICATION/JSON")) {
            assertTrue(MediaTypeHeaders.contentTypeProblem(contentType).isEmpty(), contentType);
        }
    }

    @Test
    void aContentTypeThatIsNoMediaTypeIsA400NamingTheHeader() {
        for (String contentType : List.of("", " ", "nonsense", "application/", "/json", "a/b/c", "application/json; charset", "@/@")) {
            Problem problem = MediaTypeHeaders.contentTypeProblem(contentType).orElseThrow(() -> new AssertionError(contentType));
            assertEquals("https://heartwise.io/problems/invalid-parameter", problem.type().toString());
            assertEquals(400, problem.status());
            assertEquals("Content-Type", problem.errors().get(0).parameter(), contentType);
        }
    }
}
