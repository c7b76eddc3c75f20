package io.heartwise.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/**
 * Splits a lesson file into its YAML front matter and its Markdown body, and the body into
 * sections at each level-2 heading.
 */
final class LessonParser {
    private static final String FENCE = "---";

    private final DocumentReader reader;
    private final MarkdownRenderer markdown;

    LessonParser(DocumentReader reader, MarkdownRenderer markdown) {
        this.reader = reader;
        this.markdown = markdown;
    }

    /** A lesson file read and checked on its own, before cross-checks with quizzes. */
    record ParsedLesson(LessonDocument document, SourceLocations locations, List<ParsedSection> sections) {
    }

    /** A section of the body: its heading and its rendered content. */
    record ParsedSection(String title, String html, String text, int wordCount, int line) {
    }

    Optional<ParsedLesson> parse(String path, String file, List<ContentProblem> problems) {
        String normalized = file.replace("\r\n", "\n");
        if (normalized.startsWith("\uFEFF")) {
            normalized = normalized.substring(1);
        }
        List<String> lines = normalized.lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals(FENCE)) {
            problems.add(new ContentProblem(path, 1, 1, "a lesson starts with YAML front matter between two \"---\" lines"));
            return Optional.empty();
        }
        int closing = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(FENCE)) {
                closing = i;
                break;
            }
        }
        if (closing < 0) {
            problems.add(new ContentProblem(path, 1, 1, "the front matter has no closing \"---\" line"));
            return Optional.empty();
        }
        String frontMatter = String.join("\n", lines.subList(1, closing));
        String body = String.join("\n", lines.subList(closing + 1, lines.size()));
        int bodyLineOffset = closing + 1;

        Optional<DocumentReader.Located<LessonDocument>> front = reader.read(path, frontMatter, 1, LessonDocument.class, problems);
        List<ParsedSection> sections = sections(path, body, bodyLineOffset, problems);
        if (front.isEmpty() || sections == null) {
            return Optional.empty();
        }
        return Optional.of(new ParsedLesson(front.get().document(), front.get().locations(), sections));
    }

    private List<ParsedSection> sections(String path, String body, int lineOffset, List<ContentProblem> problems) {
        Node document = markdown.parse(body);
        List<ParsedSection> sections = new ArrayList<>();
        Heading heading = null;
        List<Node> blocks = new ArrayList<>();
        boolean ok = true;
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            int line = lineOf(node) + lineOffset;
            if (node instanceof Heading h && h.getLevel() <= 2) {
                if (h.getLevel() == 1) {
                    problems.add(new ContentProblem(path, line, 1, "use \"## \" for section headings: the lesson title is in the front matter"));
                    ok = false;
                    continue;
                }
                if (heading != null) {
                    sections.add(section(heading, blocks, lineOffset));
                } else if (!blocks.isEmpty()) {
                    problems.add(new ContentProblem(path, lineOf(blocks.get(0)) + lineOffset, 1,
                            "text before the first \"## \" heading belongs to no section"));
                    ok = false;
                }
                heading = h;
                blocks = new ArrayList<>();
            } else {
                blocks.add(node);
            }
        }
        if (heading != null) {
            sections.add(section(heading, blocks, lineOffset));
        } else if (ok) {
            problems.add(new ContentProblem(path, lineOffset + 1, 1, "the body has no \"## \" section heading"));
            ok = false;
        }
        for (ParsedSection section : sections) {
            if (section.wordCount() == 0) {
                problems.add(new ContentProblem(path, section.line(), 1, "section \"" + section.title() + "\" has no text"));
                ok = false;
            }
        }
        return ok ? sections : null;
    }

    private ParsedSection section(Heading heading, List<Node> blocks, int lineOffset) {
        String text = markdown.text(blocks);
        int words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
        return new ParsedSection(markdown.inlineText(heading), markdown.html(blocks), text, words, lineOf(heading) + lineOffset);
    }

    private static int lineOf(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 1 : spans.get(0).getLineIndex() + 1;
    }
}
