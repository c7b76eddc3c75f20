package io.heartwise.page;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Renders the pages' templates ({@code src/main/jte}), which jte compiled to classes at build time:
 * nothing is parsed or compiled at run time. Output is HTML-escaped by default; only a section's
 * body, which is the sanitized HTML the API serves, is written as it is. Thread-safe.
 */
public final class PageTemplates {
    private static final String PACKAGE = "io.heartwise.page.templates";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html, PageTemplates.class.getClassLoader(), PACKAGE);

    public String landing(LandingPage page) {
        return render("landing.jte", page);
    }

    public String lesson(LessonPage page) {
        return render("lesson.jte", page);
    }

    public String api(ApiReferencePage page) {
        return render("api.jte", page);
    }

    public String error(ErrorPage page) {
        return render("error.jte", page);
    }

    /** @return the iframe an oEmbed response embeds */
    public String iframe(EmbeddedFrame frame) {
        return render("iframe.jte", frame).strip();
    }

    private String render(String template, Object page) {
        StringOutput output = new StringOutput(8192);
        engine.render(template, page, output);
        return output.toString().stripLeading();
    }
}
