package io.heartwise.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.heartwise.api.ExternalId;
import io.heartwise.api.ProblemType;
import io.heartwise.api.Slug;
import io.heartwise.http.Routes;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a client generator needs of every operation, checked on the generated document itself, so
 * that an interface added to module-api without it fails here, not in a host's generated client.
 */
class ApiDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode DOCUMENT = read(ApiDocument.json(Routes.CONTRACT, "/api/v1"));

    @Test
    void everyJaxRsInterfaceOfTheContractModuleIsInTheDocument() {
        Set<String> interfaces = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().importPackages("io.heartwise.api")) {
            if (type.isInterface() && type.isAnnotatedWith(Path.class)) {
                interfaces.add(type.getName());
            }
        }
        Set<String> contract = new TreeSet<>(Routes.CONTRACT.stream().map(Class::getName).toList());
        assertEquals(interfaces, contract, "every JAX-RS interface of module-api belongs in Routes.CONTRACT, and so in the document");
    }

    @Test
    void everyOperationHasAnIdASummaryATagAndASuccessWithABody() {
        List<String> missing = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        operations().forEach((name, operation) -> {
            String id = operation.path("operationId").asText("");
            if (!id.matches("[a-z][A-Za-z]+") || !ids.add(id)) {
                missing.add(name + ": an operationId of letters in lower camel case, unique (@Operation(operationId)), not \"" + id + "\"");
            }
            if (operation.path("summary").asText("").isBlank()) {
                missing.add(name + ": a summary (@Operation(summary))");
            }
            if (operation.path("description").asText("").isBlank()) {
                missing.add(name + ": a description (@Operation(description))");
            }
            if (operation.path("tags").isEmpty()) {
                missing.add(name + ": a tag (@Tag on the interface)");
            }
            List<String> successes = new ArrayList<>();
            operation.path("responses").fieldNames().forEachRemaining(status -> {
                if (status.startsWith("2")) {
                    successes.add(status);
                }
            });
            if (successes.isEmpty() || successes.stream().anyMatch(status -> !status.equals("204")
                    && operation.path("responses").path(status).path("content").isEmpty())) {
                missing.add(name + ": a success response with its media type and schema (@ApiResponse(responseCode = \"2xx\", content))");
            }
            if (operation.path("responses").has("default")) {
                missing.add(name + ": no default response; every status is named");
            }
            if (operation.path("security").isEmpty()) {
                missing.add(name + ": security requirements");
            }
        });
        assertTrue(missing.isEmpty(), "operations lack: \n" + String.join("\n", missing));
    }

    @Test
    void everyErrorIsAProblemDocument() {
        operations().forEach((name, operation) -> operation.path("responses").fields().forEachRemaining(response -> {
            int status = Integer.parseInt(response.getKey());
            boolean healthDown = name.equals("GET /health") && status == 503;
            if (status >= 400 && !healthDown) {
                JsonNode content = response.getValue().path("content");
                assertEquals(List.of("application/problem+json"), names(content), name + " " + status);
                assertEquals("#/components/schemas/Problem", content.path("application/problem+json").path("schema").path("$ref").asText());
            }
        }));
    }

    @Test
    void theProblemTypesAreAnEnumOfEveryTypeAndAboutBlank() {
        JsonNode type = DOCUMENT.at("/components/schemas/Problem/properties/type");
        List<String> values = new ArrayList<>();
        type.path("enum").forEach(value -> values.add(value.asText()));
        assertEquals(ProblemType.values().length + 1, values.size());
        assertTrue(values.contains("about:blank") && values.contains(ProblemType.QUIZ_NOT_FOUND.type().toString()));
    }

    @Test
    void everyOperationThatNeedsACallerNeedsTheBearerTokenAndSaysHowToSendIt() {
        JsonNode submit = DOCUMENT.at("/paths/~1quizzes~1{quizId}~1attempts/post");
        assertEquals("[{\"bearerToken\":[]}]", submit.path("security").toString());
        assertTrue(submit.at("/responses/401/headers/WWW-Authenticate/required").asBoolean());
        assertEquals("bearer", DOCUMENT.at("/components/securitySchemes/bearerToken/scheme").asText());
        assertEquals("JWT", DOCUMENT.at("/components/securitySchemes/bearerToken/bearerFormat").asText());
        assertEquals("[{},{\"bearerToken\":[]}]", DOCUMENT.at("/paths/~1lessons/get/security").toString(), "content takes a token optionally");
    }

    @Test
    void aSubmissionAnswers201WithTheGradedResultAndItsHeaders() {
        JsonNode created = DOCUMENT.at("/paths/~1quizzes~1{quizId}~1attempts/post/responses/201");
        assertEquals("#/components/schemas/AttemptResult", created.at("/content/application~1json/schema/$ref").asText());
        assertTrue(created.at("/headers/Location/required").asBoolean());
        assertTrue(created.path("headers").has("Idempotent-Replayed"));
        JsonNode responses = DOCUMENT.at("/paths/~1quizzes~1{quizId}~1attempts/post/responses");
        for (String status : List.of("400", "401", "404", "409", "413", "415", "422", "503")) {
            assertTrue(responses.has(status), "submitAttempt documents " + status);
        }
        assertTrue(responses.at("/503/headers/Retry-After/required").asBoolean());
    }

    @Test
    void contentIsCachedByETag() {
        JsonNode lesson = DOCUMENT.at("/paths/~1lessons~1{lessonId}/get");
        assertTrue(lesson.at("/responses/200/headers/ETag/required").asBoolean());
        assertTrue(lesson.at("/responses/200/headers").has("Cache-Control"));
        assertTrue(lesson.at("/responses").has("304"));
        assertTrue(lesson.path("parameters").toString().contains("\"If-None-Match\""));
    }

    @Test
    void anAnswerIsOneOfThreeShapesToldApartByTheQuestionType() {
        JsonNode answer = DOCUMENT.at("/components/schemas/Answer");
        assertEquals("type", answer.at("/discriminator/propertyName").asText());
        assertEquals(3, answer.path("oneOf").size());
        assertEquals(5, answer.at("/discriminator/mapping").size());
        assertFalse(answer.has("properties"), "the shapes carry the properties");
        for (String shape : List.of("SelectionAnswer", "OrderingAnswer", "MatchingAnswer")) {
            JsonNode schema = DOCUMENT.at("/components/schemas/" + shape);
            assertEquals("false", schema.path("additionalProperties").asText(), shape);
            assertEquals(3, schema.path("required").size(), shape);
        }
    }

    @Test
    void theQuestionTypesOfTheDocumentAreThoseTheContentLoaderKnows() {
        Set<String> loaded = new TreeSet<>();
        for (io.heartwise.content.QuestionType type : io.heartwise.content.QuestionType.values()) {
            loaded.add(type.id());
        }
        Set<String> mapped = new TreeSet<>(names(DOCUMENT.at("/components/schemas/Answer/discriminator/mapping")));
        Set<String> listed = new TreeSet<>();
        DOCUMENT.at("/components/schemas/Question/properties/type/enum").forEach(value -> listed.add(value.asText()));
        assertEquals(loaded, mapped, "every question type has an answer shape");
        assertEquals(loaded, listed);
    }

    @Test
    void everyPatternIsAnchoredPortableAndMatchesWhatTheServerAccepts() {
        List<JsonNode> patterns = DOCUMENT.findParents("pattern");
        assertFalse(patterns.isEmpty());
        for (JsonNode schema : patterns) {
            String pattern = schema.path("pattern").asText();
            assertTrue(pattern.startsWith("^") && pattern.endsWith("$"), pattern);
            assertFalse(pattern.contains("++") || pattern.contains("*+") || pattern.contains("?+"), "ECMA-262 has no possessive quantifiers: " + pattern);
            Pattern.compile(pattern);
        }
        JsonNode lessonId = DOCUMENT.at("/paths/~1lessons~1{lessonId}/get/parameters/0/schema");
        assertEquals(Slug.MAX_LENGTH, lessonId.path("maxLength").asInt());
        assertEquals(1, lessonId.path("minLength").asInt());
        Pattern slug = Pattern.compile(lessonId.path("pattern").asText());
        for (String id : List.of("why-men-pull-away", "a", "x1-2y", "Bad_Id", "-x-", "has space", "a--b", "", "trailing-")) {
            assertEquals(Slug.isValid(id), matchesAsEcma(slug, id), id);
        }
    }

    @Test
    void theExternalIdPatternAcceptsExactlyTheIdsTheServerAcceptsOfEveryCharacter() {
        Pattern external = Pattern.compile(ExternalId.PORTABLE_PATTERN);
        for (char c = 0; c < Character.MIN_SURROGATE; c++) {
            for (String id : List.of(String.valueOf(c), "a" + c, c + "a", c + "\u3000")) {
                assertEquals(ExternalId.isValid(id), matchesAsEcma(external, id), "U+" + Integer.toHexString(c) + " in \"" + id + "\"");
            }
        }
        for (char c = (char) (Character.MAX_SURROGATE + 1); c < Character.MAX_VALUE; c++) {
            assertEquals(ExternalId.isValid("x" + c), matchesAsEcma(external, "x" + c), "U+" + Integer.toHexString(c));
        }
        assertTrue(matchesAsEcma(external, "learner \uD83D\uDE00"));
    }

    @Test
    void theDocumentIsTheSameBytesEveryTime() {
        assertEquals(ApiDocument.json(Routes.CONTRACT, "/api/v1"), ApiDocument.json(Routes.CONTRACT, "/api/v1"));
        assertEquals("3.0.3", DOCUMENT.path("openapi").asText());
    }

    /**
     * How ECMA-262, which OpenAPI patterns are, matches: its {@code $} is the end of the value, where
     * {@code java.util.regex}'s also matches before a final line break.
     */
    private static boolean matchesAsEcma(Pattern pattern, String value) {
        java.util.regex.Matcher matcher = pattern.matcher(value);
        return matcher.find() && matcher.end() == value.length();
    }

    private static Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new java.util.LinkedHashMap<>();
        DOCUMENT.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation ->
                operations.put(operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), operation.getValue())));
        assertFalse(operations.isEmpty());
        return operations;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
