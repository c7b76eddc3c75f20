package io.heartwise.api;

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
@Path("lessons")
@Produces(MediaType.APPLICATION_JSON)
public interface LessonsApi {

    /**
     * Lists the lessons in teaching order.
     *
     * @return the catalog; never empty once the plugin is up
     */
    @GET
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
    Section section(@PathParam("lessonId") @Pattern(regexp = Slug.PATTERN, message = Slug.RULE)
                    @Size(max = Slug.MAX_LENGTH, message = Slug.RULE) String lessonId,
                    @PathParam("sectionId") @Pattern(regexp = Slug.PATTERN, message = Slug.RULE)
                    @Size(max = Slug.MAX_LENGTH, message = Slug.RULE) String sectionId);
}
