package io.heartwise.page;

/** The {@code <iframe>} of a page embedded elsewhere (oEmbed), with its title and size in pixels. */
public record EmbeddedFrame(String src, String title, int width, int height) {
}
