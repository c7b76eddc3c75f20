package io.heartwise.page;

import io.heartwise.api.Lesson;
import io.heartwise.api.Oembed;
import io.heartwise.api.ProblemType;
import io.heartwise.content.ContentCatalog;
import io.heartwise.problem.ProblemException;
import io.heartwise.problem.Problems;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * oEmbed provider ({@link OembedApi}) for the lesson pages: a {@code rich} response whose HTML is an
 * {@code <iframe>} of the page. A URL is ours when it has this server's host and port and names a
 * lesson page under the pages' root; it is only compared, never fetched. Thread-safe.
 */
public final class OembedResource implements OembedApi {
    /** What a consumer gets without a limit of its own. */
    static final int WIDTH = 800;
    static final int HEIGHT = 900;
    private static final Pattern LESSON_PAGE = Pattern.compile("lessons/([a-z0-9-]{1,100})(?:/|/review|/sections/([a-z0-9-]{1,100}))?");

    private final ContentCatalog catalog;
    private final PageTemplates templates;
    private final PageFrames frames;

    @Context
    private UriInfo uriInfo;

    @Context
    private HttpHeaders headers;

    public OembedResource(ContentCatalog catalog, PageTemplates templates, PageFrames frames) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.frames = Objects.requireNonNull(frames, "frames");
    }

    @Override
    public Oembed get(String url, String format, String maxWidth, String maxHeight) {
        if (format != null && format.equals("xml")) {
            throw new WebApplicationException(Problems.response(Problems.ofStatus(Response.Status.NOT_IMPLEMENTED.getStatusCode(),
                    "This provider answers oEmbed in JSON only: use format=json.")));
        }
        if (format != null && !format.equals("json")) {
            throw ProblemException.invalidParameter("format", "must be json (xml is not implemented)");
        }
        int width = Math.min(WIDTH, dimension("maxwidth", maxWidth));
        int height = Math.min(HEIGHT, dimension("maxheight", maxHeight));
        URI page = absolute(url);
        URI root = uriInfo.getBaseUri();
        Lesson lesson = ours(page, root).orElseThrow(() -> new ProblemException(ProblemType.LESSON_NOT_FOUND,
                "The url is not a lesson page of this server; lesson pages are at " + root + "lessons/{lessonId}."));
        Messages messages = frames.messages(uriInfo, headers);
        String src = page.getScheme() + "://" + page.getRawAuthority() + page.getRawPath();
        String html = templates.iframe(new EmbeddedFrame(src, messages.get("iframe.title", lesson.title()), width, height));
        return new Oembed("rich", "1.0", messages.get("oembed.title", lesson.title()), messages.get("brand"), root.toString(), html, width, height);
    }

    /** @return the lesson a URL names, if it is one of this server's lesson pages */
    private Optional<Lesson> ours(URI page, URI root) {
        if (!page.getHost().equalsIgnoreCase(root.getHost()) || !samePort(page, root)) {
            return Optional.empty();
        }
        String path = page.getRawPath() == null ? "" : page.getRawPath();
        if (!path.startsWith(root.getRawPath())) {
            return Optional.empty();
        }
        Matcher matcher = LESSON_PAGE.matcher(path.substring(root.getRawPath().length()));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Optional<Lesson> lesson = catalog.lesson(matcher.group(1));
        String section = matcher.group(2);
        return section == null ? lesson : lesson.filter(found -> found.sections().stream().anyMatch(candidate -> candidate.id().equals(section)));
    }

    /**
     * The same port, where a port left out is its scheme's default; a proxy that ends TLS makes
     * {@code https://host/} ours when we are addressed as {@code http://host/}.
     */
    private static boolean samePort(URI page, URI root) {
        return effectivePort(page) == effectivePort(root) || (page.getPort() == -1 && root.getPort() == -1);
    }

    private static int effectivePort(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    private static URI absolute(String url) {
        if (url == null || url.isBlank()) {
            throw ProblemException.invalidParameter("url", "is required: the address of a lesson page");
        }
        if (url.length() > 2000) {
            throw ProblemException.invalidParameter("url", "must be at most 2000 characters");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawUserInfo() != null) {
                throw ProblemException.invalidParameter("url", "must be an absolute http or https URL of a lesson page");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ProblemException.invalidParameter("url", "is not a URL: " + e.getReason());
        }
    }

    private static int dimension(String name, String value) {
        if (value == null || value.isBlank()) {
            return Integer.MAX_VALUE;
        }
        try {
            int pixels = Integer.parseInt(value.strip());
            if (pixels >= 1) {
                return pixels;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalidParameter(name, "must be a whole number of pixels, at least 1");
    }
}
