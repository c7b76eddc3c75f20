package io.heartwise.page;

import io.heartwise.api.Lesson;
import io.heartwise.api.ProblemType;
import io.heartwise.api.Quiz;
import io.heartwise.api.Section;
import io.heartwise.attempt.AttemptService;
import io.heartwise.content.ContentCatalog;
import io.heartwise.http.Routes;
import io.heartwise.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The pages for learners: the landing page and the lesson reader (one section and its quiz per
 * page, then the review quiz). They are rendered from the records the JSON API serves, read from
 * the same catalog; the page's script then talks only to the JSON API.
 *
 * <p>Who the learner is: a page carries no identity of its own and sets no cookie. A host that
 * opens a page for a learner hands it the same bearer token a headless host sends, in one of two
 * ways that never put it into a server log or a {@code Referer}: in the URL's fragment
 * ({@code .../lessons/x#token=eyJ...}; browsers send no fragment to any server, and the script
 * removes it from the address and the history at once), or by {@code postMessage} from the page
 * that frames ours ({@code {type: "heartwise.token", token: "eyJ..."}}, accepted from the parent
 * window only). The script keeps it for the tab ({@code sessionStorage}) where the browser allows.
 * Without a token the reader is anonymous and may practise (graded, nothing stored). Thread-safe.
 */
@Path("")
// JSON too, so that a client asking for JSON learns that a lesson does not exist (404) before it learns that a page
// is HTML only (406): see html().
@Produces({MediaType.TEXT_HTML + ";charset=utf-8", MediaType.APPLICATION_JSON + ";qs=0.1"})
public final class PagesResource {
    private final ContentCatalog catalog;
    private final AttemptService attempts;
    private final PageTemplates templates;
    private final PageFrames frames;

    @Context
    private UriInfo uriInfo;

    @Context
    private HttpHeaders headers;

    public PagesResource(ContentCatalog catalog, AttemptService attempts, PageTemplates templates, PageFrames frames) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.frames = Objects.requireNonNull(frames, "frames");
    }

    @GET
    public Response landing() {
        PageFrame frame = frames.frame(uriInfo, headers);
        return html(templates.landing(new LandingPage(frame.titled(frame.m("landing.title"), null), catalog.lessonList().lessons())));
    }

    /** The JSON API, for people. */
    @GET
    @Path("api")
    public Response api() {
        PageFrame frame = frames.frame(uriInfo, headers);
        return html(templates.api(new ApiReferencePage(frame.titled(frame.m("api.title"), null), Routes.operations())));
    }

    /** The lesson at its first section. */
    @GET
    @Path("lessons/{lessonId}")
    public Response lesson(@PathParam("lessonId") String lessonId) {
        Lesson lesson = lessonOf(lessonId);
        return section(lesson, lesson.sections().get(0));
    }

    @GET
    @Path("lessons/{lessonId}/sections/{sectionId}")
    public Response section(@PathParam("lessonId") String lessonId, @PathParam("sectionId") String sectionId) {
        Lesson lesson = lessonOf(lessonId);
        Section section = lesson.sections().stream().filter(candidate -> candidate.id().equals(sectionId)).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.SECTION_NOT_FOUND,
                        "Lesson \"" + lessonId + "\" has no section \"" + sectionId + "\"."));
        return section(lesson, section);
    }

    @GET
    @Path("lessons/{lessonId}/review")
    public Response review(@PathParam("lessonId") String lessonId) {
        Lesson lesson = lessonOf(lessonId);
        return render(lesson, null, lesson.title() + " · " + frames.messages(uriInfo, headers).get("lesson.review"), lesson.reviewQuizId());
    }

    private Response section(Lesson lesson, Section section) {
        return render(lesson, section, section.title() + " · " + lesson.title(), section.quizId());
    }

    private Response render(Lesson lesson, Section section, String title, String quizId) {
        Quiz quiz = catalog.quiz(quizId).orElseThrow(() -> new IllegalStateException("the catalog lacks quiz " + quizId));
        // Absolute, as oEmbed consumers fetch it as it stands; the page's own address is one of our routes.
        String page = uriInfo.getAbsolutePath().toString();
        String oembed = uriInfo.getBaseUri() + "oembed?url=" + URLEncoder.encode(page, StandardCharsets.UTF_8) + "&format=json";
        PageFrame frame = frames.frame(uriInfo, headers).titled(title, oembed);
        return html(templates.lesson(new LessonPage(frame, lesson, section, quiz, attempts.practiceOffered(quizId))));
    }

    /** @throws NotAcceptableException when the client takes no HTML (it has learnt that the page exists) */
    private Response html(String page) {
        if (headers.getAcceptableMediaTypes().stream().noneMatch(MediaType.TEXT_HTML_TYPE::isCompatible)) {
            throw new NotAcceptableException();
        }
        return Response.ok(page, MediaType.TEXT_HTML + ";charset=utf-8").build();
    }

    private Lesson lessonOf(String lessonId) {
        return catalog.lesson(lessonId).orElseThrow(() -> new ProblemException(ProblemType.LESSON_NOT_FOUND,
                "There is no lesson \"" + lessonId + "\"."));
    }
}
