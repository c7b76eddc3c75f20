package io.heartwise.page;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Makes each request's {@link PageFrame}: the reader's language, and the paths of the pages, the API
 * and the assets as this request addressed the server. Immutable, thread-safe.
 */
public final class PageFrames {
    /**
     * The query parameter that names the reader's language ({@code ?lang=de}) ahead of
     * {@code Accept-Language}: an LTI launch lands with the platform's locale in it, and the page
     * script keeps it on the links between the pages.
     */
    public static final String LANGUAGE_PARAMETER = "lang";

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
        return new PageFrame(messages(uriInfo, headers), "Heartwise", root, root + apiPath, root + assets.path(Assets.SCRIPT),
                root + assets.path(Assets.STYLE), null, demo);
    }

    /**
     * @return the messages in the first of the reader's languages that the bundle has: the
     *         {@code lang} parameter's, then {@code Accept-Language}'s by their q-values (a language
     *         at {@code q=0} is one the reader refuses), else English
     */
    public Messages messages(UriInfo uriInfo, HttpHeaders headers) {
        List<Locale> preferred = new ArrayList<>();
        String named = uriInfo.getQueryParameters().getFirst(LANGUAGE_PARAMETER);
        if (named != null) {
            // LMSs send en_US as often as en-US.
            preferred.add(Locale.forLanguageTag(named.strip().replace('_', '-')));
        }
        String accepted = headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        if (accepted != null && !accepted.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(accepted)) {
                    if (range.getWeight() > 0) {
                        preferred.add(Locale.forLanguageTag(range.getRange()));
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // An Accept-Language that is no list of language ranges is no reason to refuse a page.
            }
        }
        return Messages.forLanguages(preferred);
    }
}
