package io.heartwise.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * oEmbed 1.0 provider for the lesson pages. Served at the root of the pages (beside {@code lessons/},
 * not under the JSON API's root), where each lesson page's
 * {@code <link rel="alternate" type="application/json+oembed">} points. The server never fetches
 * {@code url}: it only checks that it names one of its own lesson pages.
 */
@Path("oembed")
public interface OembedApi {

    /**
     * @param url       a lesson page of this server ({@code .../lessons/{id}}, a section or the review);
     *                  missing or not an absolute http(s) URL: {@code 400 invalid-parameter};
     *                  another site's or an unknown lesson: {@code 404}
     * @param format    {@code json} (the default); {@code xml}: {@code 501}; anything else {@code 400}
     * @param maxWidth  the most pixels the consumer has across; the iframe is at most this wide
     * @param maxHeight the most pixels the consumer has down; the iframe is at most this high
     * @return a {@code rich} oEmbed response whose {@code html} is an {@code <iframe>} of the page
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Oembed get(@QueryParam("url") String url, @QueryParam("format") String format,
               @QueryParam("maxwidth") String maxWidth, @QueryParam("maxheight") String maxHeight);
}
