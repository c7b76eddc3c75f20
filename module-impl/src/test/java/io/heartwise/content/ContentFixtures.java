package io.heartwise.content;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A small, valid course in memory, which tests break one file at a time. */
public final class ContentFixtures {
    public static final String LESSON = """
            ---
            id: first-lesson
            title: The First Lesson
            summary: >-
              What this lesson covers, in one paragraph that is long enough to be a real summary.
            objectives:
              - Explain the first idea.
              - Apply the second idea.
              - Tell the two ideas apart.
            source:
              title: The Original Article
              article: 000_example.txt
            reviewQuiz: first-lesson-review
            sections:
              - id: introduction
                quiz: first-lesson-introduction
              - id: second-idea
                quiz: first-lesson-second-idea
            ---

            ## Introduction

            The opening paragraph, with a <script>alert(1)</script> tag that must not survive.

            - A first point.
            - A second point.

            ## 1. The Second Idea

            Another paragraph of the article.
            """;

    public static final String SINGLE_CHOICE_QUIZ = """
            id: first-lesson-introduction
            title: Check the introduction
            lesson: first-lesson
            section: introduction
            questions:
              - id: which-point
                type: single-choice
                prompt: Which point comes first?
                explanation: The introduction lists the first point before the second one.
                choices:
                  - id: first
                    text: The first point
                    correct: true
                    feedback: Right, it is listed first.
                  - id: second
                    text: The second point
                    feedback: Not quite, it comes second.
                  - id: neither
                    text: Neither point
                    feedback: Not quite, both are listed.
              - id: is-it-listed
                type: true-false
                prompt: The introduction has a list.
                explanation: It has two bulleted points.
                choices:
                  - id: "true"
                    text: "True"
                    correct: true
                    feedback: Right, two points are listed.
                  - id: "false"
                    text: "False"
                    feedback: Not quite, look at the bullets.
            """;

    public static final String ORDERING_QUIZ = """
            id: first-lesson-second-idea
            title: Check the second idea
            lesson: first-lesson
            section: second-idea
            passMark: 50
            policy:
              maxAttempts: 3
              grading: last
            questions:
              - id: put-in-order
                type: ordering
                points: 2
                prompt: Put the steps in order.
                explanation: The steps go one, two, three.
                choices:
                  - id: two
                    text: Step two
                    feedback: Second, after step one.
                  - id: one
                    text: Step one
                    feedback: First, it starts everything.
                  - id: three
                    text: Step three
                    feedback: Last, it follows step two.
                correctOrder: [one, two, three]
              - id: sort-them
                type: matching
                prompt: Sort each item into its category.
                explanation: Fruit grows on plants, tools are made.
                categories:
                  - id: fruit
                    text: Fruit
                  - id: tool
                    text: Tool
                choices:
                  - id: apple
                    text: Apple
                    category: fruit
                    feedback: An apple grows on a tree.
                  - id: hammer
                    text: Hammer
                    category: tool
                    feedback: A hammer is made to be used.
                  - id: pear
                    text: Pear
                    category: fruit
                    feedback: A pear grows on a tree.
            """;

    public static final String REVIEW_QUIZ = """
            id: first-lesson-review
            title: Review the first lesson
            lesson: first-lesson
            policy:
              maxAttempts: 2
              reveal: after-last-attempt
            questions:
              - id: select-all
                type: multiple-response
                prompt: Select every point the lesson makes.
                explanation: The lesson makes the first and the second point only.
                choices:
                  - id: first
                    text: The first point
                    correct: true
                    feedback: Right, the introduction makes it.
                  - id: second
                    text: The second point
                    correct: true
                    feedback: Right, the introduction makes it too.
                    missedFeedback: The introduction makes the second point as well.
                  - id: third
                    text: A third point
                    feedback: Not quite, there is no third point.
            """;

    private ContentFixtures() {
    }

    /**
     * @return the valid course with every field the second round of item writing added: objectives
     *         per section and per question, missedFeedback, misplacedFeedback, pass marks and
     *         policies on every quiz, and a review that draws from a pool
     */
    public static Map<String, String> completeCourse() {
        Map<String, String> files = validCourse();
        files.put("heartwise/lessons/first-lesson.md", LESSON
                .replace("""
                          - id: introduction
                            quiz: first-lesson-introduction
                        """, """
                          - id: introduction
                            quiz: first-lesson-introduction
                            objectives:
                              - id: recall-first-point
                                text: Tell the first point apart from the second, according to the article.
                        """)
                .replace("""
                            quiz: first-lesson-second-idea
                        """, """
                            quiz: first-lesson-second-idea
                            objectives:
                              - id: order-the-steps
                                text: Put the steps of the second idea in order.
                              - id: sort-things
                                text: Tell fruit from tools.
                        """));
        files.put("heartwise/quizzes/first-lesson-introduction.yaml", SINGLE_CHOICE_QUIZ
                .replace("section: introduction\n", "section: introduction\npassMark: 50\npolicy:\n  maxAttempts: null\n  grading: best\n  reveal: immediately\n")
                .replace("    prompt: Which point comes first?\n", "    objective: recall-first-point\n    prompt: Which point comes first?\n")
                .replace("    prompt: The introduction has a list.\n", "    objective: recall-first-point\n    prompt: The introduction has a list.\n"));
        files.put("heartwise/quizzes/first-lesson-second-idea.yaml", ORDERING_QUIZ
                .replace("    prompt: Put the steps in order.\n", "    objective: order-the-steps\n    prompt: Put the steps in order.\n")
                .replace("    prompt: Sort each item into its category.\n", "    objective: sort-things\n    prompt: Sort each item into its category.\n")
                .replace("        feedback: Second, after step one.\n", "        feedback: Second, after step one.\n        misplacedFeedback: Step two needs step one before it.\n")
                .replace("        feedback: First, it starts everything.\n", "        feedback: First, it starts everything.\n        misplacedFeedback: Nothing comes before step one.\n")
                .replace("        feedback: Last, it follows step two.\n", "        feedback: Last, it follows step two.\n        misplacedFeedback: Step three waits for step two.\n")
                .replace("        feedback: An apple grows on a tree.\n", "        feedback: An apple grows on a tree.\n        misplacedFeedback: An apple grows; nobody makes one.\n")
                .replace("        feedback: A hammer is made to be used.\n", "        feedback: A hammer is made to be used.\n        misplacedFeedback: A hammer is made, it does not grow.\n")
                .replace("        feedback: A pear grows on a tree.\n", "        feedback: A pear grows on a tree.\n        misplacedFeedback: A pear grows; nobody makes one.\n"));
        files.put("heartwise/quizzes/first-lesson-review.yaml", REVIEW_QUIZ
                .replace("policy:\n", "passMark: 70\ndraw: 1\npolicy:\n  grading: best\n")
                .replace("    prompt: Select every point the lesson makes.\n", "    objective: recall-first-point\n    prompt: Select every point the lesson makes.\n")
                .replace("        feedback: Right, the introduction makes it.\n", "        feedback: Right, the introduction makes it.\n        missedFeedback: The introduction makes the first point too.\n")
                + """
                  - id: which-step-first
                    type: single-choice
                    objective: order-the-steps
                    prompt: Which step comes first?
                    explanation: Step one starts the second idea.
                    choices:
                      - id: one
                        text: Step one
                        correct: true
                        feedback: Right, it starts everything.
                      - id: two
                        text: Step two
                        feedback: Not quite, step two needs step one.
                      - id: three
                        text: Step three
                        feedback: Not quite, step three is last.
                """);
        return files;
    }

    /** @return the valid course, as a mutable map from path to file text */
    public static Map<String, String> validCourse() {
        Map<String, String> files = new HashMap<>();
        files.put("heartwise/lessons/index.yaml", "lessons:\n  - first-lesson\n");
        files.put("heartwise/lessons/first-lesson.md", LESSON);
        files.put("heartwise/quizzes/index.yaml",
                "quizzes:\n  - first-lesson-introduction\n  - first-lesson-second-idea\n  - first-lesson-review\n");
        files.put("heartwise/quizzes/first-lesson-introduction.yaml", SINGLE_CHOICE_QUIZ);
        files.put("heartwise/quizzes/first-lesson-second-idea.yaml", ORDERING_QUIZ);
        files.put("heartwise/quizzes/first-lesson-review.yaml", REVIEW_QUIZ);
        return files;
    }

    public static ContentSource source(Map<String, String> files) {
        return path -> Optional.ofNullable(files.get(path));
    }

    /** @return the valid course's catalog */
    public static ContentCatalog catalog() {
        return catalog(validCourse());
    }

    /** @return the catalog of {@code files}, which must be valid */
    public static ContentCatalog catalog(Map<String, String> files) {
        return loader(files).load();
    }

    /**
     * A loader of {@code files} that checks every rule but leaves out "the fields of the second
     * round of item writing are missing", so that the small course above, written before them,
     * tests the other rules; {@link #completeCourse()} and ItemWritingFieldsTest are where the
     * required fields themselves are tested, and the real course loads with them required.
     */
    public static CatalogLoader loader(Map<String, String> files) {
        return new CatalogLoader(source(files), false);
    }
}
