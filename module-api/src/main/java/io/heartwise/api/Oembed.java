package io.heartwise.api;

/**
 * An oEmbed 1.0 response of type {@code rich}.
 *
 * @param type          always {@code rich}
 * @param version       always {@code 1.0}
 * @param title         the lesson's title
 * @param provider_name {@code Heartwise} (named as oEmbed names it; the contract depends on no JSON library)
 * @param provider_url  the pages' root
 * @param html          an {@code <iframe>} of the page, with a title, sized as below
 * @param width         the iframe's width in pixels
 * @param height        the iframe's height in pixels (the page then resizes it, where the host runs our embed script)
 */
public record Oembed(String type, String version, String title, String provider_name, String provider_url, String html, int width, int height) {
}
