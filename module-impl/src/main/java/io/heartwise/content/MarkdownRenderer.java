package io.heartwise.content;

import java.util.List;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Markdown to sanitized HTML and to plain text. Raw HTML in the Markdown is escaped, and the HTML
 * that comes out passes an allow-list, so a host page can insert it as it is. Thread-safe.
 */
final class MarkdownRenderer {
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "ul", "ol", "li", "em", "strong", "h3", "h4", "blockquote", "br", "hr", "code", "pre", "a")
            .allowUrlProtocols("https", "http", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelNofollowOnLinks()
            .toFactory();

    private final Parser parser = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    private final HtmlRenderer html = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private final TextContentRenderer text = TextContentRenderer.builder().build();

    Node parse(String markdown) {
        return parser.parse(markdown);
    }

    String html(List<Node> blocks) {
        StringBuilder out = new StringBuilder();
        for (Node block : blocks) {
            out.append(html.render(block));
        }
        return POLICY.sanitize(out.toString()).strip();
    }

    String text(List<Node> blocks) {
        StringBuilder out = new StringBuilder();
        for (Node block : blocks) {
            String rendered = text.render(block).strip();
            if (!rendered.isEmpty()) {
                if (out.length() > 0) {
                    out.append("\n\n");
                }
                out.append(rendered);
            }
        }
        return out.toString();
    }

    String inlineText(Node node) {
        return text.render(node).strip();
    }
}
