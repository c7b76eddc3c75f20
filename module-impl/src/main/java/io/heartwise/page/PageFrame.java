package io.heartwise.page;

/**
 * What every page's frame needs: the messages in the reader's language, the title, and where the
 * pages, the API and the assets are, as absolute paths of this request (so the pages work under any
 * context path or mount).
 *
 * @param messages the reader's messages
 * @param title    the document title
 * @param root     the pages' root, ending in {@code /}: {@code /heartwise/}
 * @param api      the JSON API's root, ending in {@code /}: {@code /heartwise/api/v1/}
 * @param script   the page script's path
 * @param style    the style sheet's path
 * @param oembed   the oEmbed discovery URL of this page, or {@code null} where there is none
 * @param demo     whether the local demo platform is on (the landing page then offers to try as a learner)
 */
public record PageFrame(Messages messages, String title, String root, String api, String script, String style, String oembed, boolean demo) {

    /** @return a user-facing message, formatted with {@code args} */
    public String m(String key, Object... args) {
        return messages.get(key, args);
    }

    /**
     * @param name the learner's name as a course's roster gives it, or {@code null} when no roster names them
     * @return the learner as the instructor pages show them: the name beside the id ("Maya Okafor (learner-3)"), or the id alone
     */
    public String learner(String name, String learnerId) {
        return name == null || name.isBlank() ? learnerId : m("learner.named", name, learnerId);
    }

    /** @return this frame for another page title and oEmbed link */
    public PageFrame titled(String newTitle, String newOembed) {
        return new PageFrame(messages, newTitle, root, api, script, style, newOembed, demo);
    }
}
