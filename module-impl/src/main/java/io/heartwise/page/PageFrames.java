package io.heartwise.page;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.Objects;

/**
 * Makes each request's {@link PageFrame}: the reader's language from {@code Accept-Language}, and
 * the paths of the pages, the API and the assets as this request addressed the server.
 * Immutable, thread-safe.
 */
public final class PageFrames {
    private final Assets assets;
    private final String apiPath;
    private final boolean demo;

    /**
     * @param apiPath where the JSON API is, relative to the pages' root: {@code api/v1/} in the WAR
     * @param demo    whether the local demo platform is on
     */
    public PageFrames(Assets assets, String apiPath, boolean demo) {
        this.assets = Objects.requireNonNull(assets, "assets");
        this.apiPath = apiPath.endsWith("/") || apiPath.isEmpty() ? apiPath : apiPath + "/";
        this.demo = demo;
    }

    public PageFrame frame(UriInfo uriInfo, HttpHeaders headers) {
        String root = uriInfo.getBaseUri().getRawPath();
        return new PageFrame(messages(headers), "Heartwise", root, root + apiPath, root + assets.path(Assets.SCRIPT),
                root + assets.path(Assets.STYLE), null, demo);
    }

    /** @return the messages in the first of the reader's languages that the bundle has */
    public Messages messages(HttpHeaders headers) {
        try {
            return Messages.forLanguages(headers.getAcceptableLanguages());
        } catch (RuntimeException malformed) {
            // An Accept-Language Jersey cannot parse is no reason to refuse a page.
            return Messages.english();
        }
    }
}
