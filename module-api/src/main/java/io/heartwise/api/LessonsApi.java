package io.heartwise.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Read access to lessons. Responses carry a strong {@code ETag} and {@code Cache-Control}; a
 * request whose {@code If-None-Match} matches gets {@code 304 Not Modified}. Open to anonymous
 * callers.
 */
@Tag(name = "lessons", description = "The lessons and their sections, in teaching order.")
@Path("lessons")
@Produces(MediaType.APPLICATION_JSON)
public interface LessonsApi {

    /**
     * Lists the lessons in teaching order.
     *
     * @return the catalog; never empty once the plugin is up
     */
    @GET
    @Operation(operationId = "listLessons", summary = "List the lessons in teaching order",
            description = "Every lesson with its summary, section count, reading and estimated minutes and links. Content: cached by ETag.")
    @ApiResponse(responseCode = "200", description = "The catalog", content = @Content(schema = @Schema(implementation = LessonList.class)))
    LessonList list();

    /**
     * Returns one lesson with all its sections.
     *
     * @param lessonId a lesson id; not a slug: {@code 400 invalid-parameter}
     * @return the lesson
     * @throws jakarta.ws.rs.NotFoundException never; an unknown id is a {@code 404 lesson-not-found} problem
     */
    @GET
    @Path("{lessonId}")
    @Operation(operationId = "getLesson", summary = "Get a lesson with all its sections",
            description = "The lesson with its ordered sections, each as sanitized HTML and plain text, and the quiz that ends it.")
    @ApiResponse(responseCode = "200", description = "The lesson", content = @Content(schema = @Schema(implementation = Lesson.class)))
    @Problems(ProblemType.LESSON_NOT_FOUND)
    Lesson get(@PathParam("lessonId") @Pattern(regexp = Slug.PATTERN, message = Slug.RULE)
               @Size(max = Slug.MAX_LENGTH, message = Slug.RULE) String lessonId);

    /**
     * Returns one section of a lesson.
     *
     * @param lessonId  a lesson id; unknown: {@code 404 lesson-not-found}
     * @param sectionId a section id of that lesson; unknown: {@code 404 section-not-found}
     * @return the section
     */
    @GET
    @Path("{lessonId}/sections/{sectionId}")
    @Operation(operationId = "getSection", summary = "Get one section of a lesson",
            description = "One section of a lesson: its sanitized HTML, plain text, word count and the quiz that ends it.")
    @ApiResponse(responseCode = "200", description = "The section", content = @Content(schema = @Schema(implementation = Section.class)))
    @Problems({ProblemType.LESSON_NOT_FOUND, ProblemType.SECTION_NOT_FOUND})
    Section section(@PathParam("lessonId") @Pattern(regexp = Slug.PATTERN, message = Slug.RULE)
                    @Size(max = Slug.MAX_LENGTH, message = Slug.RULE) String lessonId,
                    @PathParam("sectionId") @Pattern(regexp = Slug.PATTERN, message = Slug.RULE)
                    @Size(max = Slug.MAX_LENGTH, message = Slug.RULE) String sectionId);
}
