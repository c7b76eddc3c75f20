package io.heartwise.page;

import io.heartwise.api.Problem;
import io.heartwise.problem.ProblemAnswer;
import io.heartwise.problem.UnexpectedExceptionMapper;
import io.heartwise.problem.WebApplicationExceptionMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Objects;

/**
 * Answers every failure of the pages' application: a page for people (a browser asks for HTML
 * first) and the API's {@code application/problem+json} for everyone else, with the same status
 * and headers; the problem is made by the API's own mappers. The page names no detail that a
 * client sent. Thread-safe.
 */
public final class PageFailures implements ExceptionMapper<Throwable> {
    private final PageTemplates templates;
    private final PageFrames frames;
    private final WebApplicationExceptionMapper routing = new WebApplicationExceptionMapper();
    private final UnexpectedExceptionMapper unexpected = new UnexpectedExceptionMapper();

    @Context
    private HttpHeaders headers;

    @Context
    private UriInfo uriInfo;

    public PageFailures(PageTemplates templates, PageFrames frames) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.frames = Objects.requireNonNull(frames, "frames");
    }

    @Override
    public Response toResponse(Throwable failure) {
        Response problem = failure instanceof WebApplicationException web && web.getResponse().getEntity() instanceof Problem ? web.getResponse()
                : failure instanceof WebApplicationException web ? routing.toResponse(web)
                : failure instanceof io.heartwise.problem.ProblemException ? ProblemAnswer.of(failure).response()
                : unexpected.toResponse(failure);
        if (!prefersHtml()) {
            return problem;
        }
        PageFrame frame = frames.frame(uriInfo, headers);
        boolean notFound = problem.getStatus() == Response.Status.NOT_FOUND.getStatusCode();
        String heading = frame.m(notFound ? "error.notFound" : "error.other");
        String page = templates.error(new ErrorPage(frame.titled(heading, null), problem.getStatus(), heading,
                frame.m(notFound ? "error.notFound.detail" : "error.other.detail")));
        Response.ResponseBuilder html = Response.status(problem.getStatus()).entity(page).type(MediaType.TEXT_HTML + ";charset=utf-8")
                .header("Cache-Control", "no-store");
        Object allow = problem.getHeaders().getFirst(HttpHeaders.ALLOW);
        if (allow != null) {
            html.header(HttpHeaders.ALLOW, allow);
        }
        return html.build();
    }

    private boolean prefersHtml() {
        try {
            return prefersHtml(headers.getAcceptableMediaTypes());
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /**
     * @param acceptable the request's {@code Accept}, most wanted first
     * @return whether the client wants HTML before anything else: a browser does; {@code *}{@code /*}
     *         or no {@code Accept} (curl, an API client) gets a problem document
     */
    static boolean prefersHtml(List<MediaType> acceptable) {
        return !acceptable.isEmpty() && !acceptable.get(0).isWildcardType() && acceptable.get(0).isCompatible(MediaType.TEXT_HTML_TYPE);
    }
}
