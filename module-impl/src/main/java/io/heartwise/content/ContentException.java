package io.heartwise.content;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when content cannot be loaded; carries every problem found, not just the first. */
public final class ContentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<ContentProblem> problems;

    public ContentException(List<ContentProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ContentProblem> problems() {
        return problems;
    }

    private static String describe(List<ContentProblem> problems) {
        return problems.size() + " content problem(s):\n" + problems.stream()
                .map(ContentProblem::toString)
                .collect(Collectors.joining("\n"));
    }
}
