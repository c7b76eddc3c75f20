package io.heartwise.page;

import io.heartwise.api.Answer;
import io.heartwise.api.Category;
import io.heartwise.api.Choice;
import io.heartwise.api.Question;
import io.heartwise.api.Quiz;
import io.heartwise.attempt.AttemptService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One attempt as an instructor opens it: the learner's answers, points, and the feedback they saw.
 *
 * @param learnerName the learner's name in the roster of the attempt's context, or {@code null} when it names none
 * @param quiz        the quiz as published now, or {@code null} when it no longer is (answers are then shown by id)
 */
public record AttemptReviewPage(PageFrame frame, AttemptService.Reviewed attempt, String learnerName, String title, Quiz quiz) {

    /** @return the question's text, or its id when the quiz is no longer published */
    public String prompt(String questionId) {
        return question(questionId).map(Question::prompt).orElse(questionId);
    }

    /** @return an answer in words: the chosen choices, the items in order, or each item with its category */
    public String words(Answer answer) {
        if (answer == null) {
            return "";
        }
        Optional<Question> question = question(answer.questionId());
        Map<String, String> texts = question.map(found -> found.choices().stream().collect(Collectors.toMap(Choice::id, Choice::text)))
                .orElse(Map.of());
        Map<String, String> categories = question.map(found -> found.categories() == null ? Map.<String, String>of()
                : found.categories().stream().collect(Collectors.toMap(Category::id, Category::text))).orElse(Map.of());
        if (answer.selected() != null) {
            return answer.selected().stream().map(id -> texts.getOrDefault(id, id)).collect(Collectors.joining(" · "));
        }
        if (answer.order() != null) {
            List<String> order = answer.order();
            StringBuilder words = new StringBuilder();
            for (int i = 0; i < order.size(); i++) {
                words.append(i == 0 ? "" : " · ").append(i + 1).append(". ").append(texts.getOrDefault(order.get(i), order.get(i)));
            }
            return words.toString();
        }
        if (answer.matches() != null) {
            return answer.matches().entrySet().stream()
                    .map(match -> texts.getOrDefault(match.getKey(), match.getKey()) + " → " + categories.getOrDefault(match.getValue(), match.getValue()))
                    .collect(Collectors.joining(" · "));
        }
        return "";
    }

    private Optional<Question> question(String questionId) {
        return quiz == null ? Optional.empty() : quiz.questions().stream().filter(question -> question.id().equals(questionId)).findFirst();
    }
}
