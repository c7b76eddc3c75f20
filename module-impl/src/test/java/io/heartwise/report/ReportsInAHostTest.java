package io.heartwise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heartwise.auth.Tokens;
import io.heartwise.web.Heartwise;
import io.heartwise.web.HeartwiseFeature;
import io.heartwise.web.HeartwiseJerseyTest;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/** The reports' typed query parameters in a host's own Jersey application, which registers the API as one feature. */
class ReportsInAHostTest extends HeartwiseJerseyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = Tokens.hs256(Tokens.claims("test-lms", "boss", "", "admin").build(), Tokens.SECRET);

    @Override
    protected Application application(Heartwise started) {
        return new ResourceConfig().register(new HeartwiseFeature(started));
    }

    @Test
    void typedParametersAreReadAndBadOnesAre400ProblemsNamingThem() throws IOException {
        Response report = target("reports/quizzes/first-lesson-introduction").queryParam("attempts", "best")
                .queryParam("from", "2026-01-01T00:00:00Z").request().header("Authorization", "Bearer " + ADMIN).get();
        JsonNode filters = JSON.readTree(report.readEntity(String.class)).get("filters");
        assertEquals(200, report.getStatus());
        assertEquals("best", filters.get("attempts").asText());
        assertEquals("2026-01-01T00:00:00Z", filters.get("from").asText());

        Response bad = target("reports/quizzes/first-lesson-introduction/export").queryParam("shape", "wide").request()
                .header("Authorization", "Bearer " + ADMIN).get();
        assertEquals(400, bad.getStatus());
        JsonNode problem = JSON.readTree(bad.readEntity(String.class));
        assertEquals("https://heartwise.io/problems/invalid-parameter", problem.get("type").asText());
        assertEquals("shape", problem.get("errors").get(0).get("parameter").asText());
    }
}
