package io.heartwise.attempt;

import io.heartwise.api.Choice;
import io.heartwise.api.Question;
import io.heartwise.api.Quiz;
import io.heartwise.auth.Caller;
import io.heartwise.content.QuestionDocument;
import io.heartwise.content.QuestionDocument.ChoiceDocument;
import io.heartwise.content.QuestionType;
import io.heartwise.content.QuizDocument;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Random;

/**
 * Decides what one attempt shows a learner: which questions, when the quiz draws {@code N} of its
 * pool, and in which order each question's choices come (true/false never shuffled; an ordering
 * question never shown in its right order). The same platform, learner, context, quiz version and
 * attempt number always give the same form, in every JVM: it is derived from a SHA-256 of them and
 * {@link Random}, whose algorithm the JDK specifies. So a reload shows the same attempt, nothing
 * needs storing, and the server grades against the form it showed. Stateless and thread-safe.
 */
final class QuizForms {
    private QuizForms() {
    }

    /**
     * The quiz as one attempt shows it: the drawn questions in quiz order, each with its choices in
     * the shown order, and {@code draw} cleared, so that it grades and scores as a quiz of its own.
     *
     * @param poolIndexes the position in the quiz file of each shown question
     */
    record Form(int attemptNumber, QuizDocument shown, List<Integer> poolIndexes) {
    }

    static Form of(QuizDocument quiz, String version, Caller caller, int attemptNumber) {
        Random random = new Random(seed(quiz.id(), version, caller, attemptNumber));
        List<Integer> drawn = drawn(quiz, random);
        List<QuestionDocument> questions = new ArrayList<>();
        for (int index : drawn) {
            questions.add(shuffled(quiz.questions().get(index), random));
        }
        QuizDocument shown = new QuizDocument(quiz.id(), quiz.title(), quiz.lesson(), quiz.section(), quiz.passMark(), quiz.policy(),
                List.copyOf(questions), null);
        return new Form(attemptNumber, shown, List.copyOf(drawn));
    }

    /**
     * The learner's view of a form: the learner's view of the whole quiz, cut to the form's
     * questions, each with its choices in the form's order.
     */
    static Quiz learnerView(Quiz pool, Form form) {
        Map<String, Question> byId = new HashMap<>();
        pool.questions().forEach(question -> byId.put(question.id(), question));
        List<Question> questions = new ArrayList<>();
        for (QuestionDocument shown : form.shown().questions()) {
            Question question = byId.get(shown.id());
            Map<String, Choice> choices = new HashMap<>();
            question.choices().forEach(choice -> choices.put(choice.id(), choice));
            questions.add(new Question(question.id(), question.type(), question.prompt(), question.points(),
                    shown.choices().stream().map(choice -> choices.get(choice.id())).toList(), question.categories(), question.objective()));
        }
        return new Quiz(pool.id(), pool.title(), pool.lessonId(), pool.sectionId(), pool.kind(), pool.passMark(), form.shown().maxScore(),
                pool.maxAttempts(), List.copyOf(questions), pool.links());
    }

    /** @return the positions of the questions shown, in quiz order: all of them unless the quiz draws */
    private static List<Integer> drawn(QuizDocument quiz, Random random) {
        List<Integer> pool = new ArrayList<>();
        for (int i = 0; i < quiz.questions().size(); i++) {
            pool.add(i);
        }
        if (quiz.draw() == null || quiz.draw() >= pool.size()) {
            return pool;
        }
        shuffle(pool, random);
        return pool.subList(0, quiz.draw()).stream().sorted().toList();
    }

    private static QuestionDocument shuffled(QuestionDocument question, Random random) {
        if (question.questionType() == QuestionType.TRUE_FALSE) {
            return question;
        }
        List<ChoiceDocument> choices = new ArrayList<>(question.choices());
        shuffle(choices, random);
        if (question.questionType() == QuestionType.ORDERING) {
            // Shown in the right order, an ordering question answers itself: the rotation by one never is.
            List<String> shown = choices.stream().map(ChoiceDocument::id).toList();
            if (shown.equals(question.correctOrder())) {
                choices.add(choices.remove(0));
            }
        }
        return new QuestionDocument(question.id(), question.questionType(), question.points(), question.prompt(), question.explanation(),
                List.copyOf(choices), question.categories(), question.correctOrder(), question.objective());
    }

    /** Fisher-Yates, written out so that the order depends on nothing but {@link Random}'s specified sequence. */
    private static <T> void shuffle(List<T> items, Random random) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            items.set(i, items.set(j, items.get(i)));
        }
    }

    private static long seed(String quizId, String version, Caller caller, int attemptNumber) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(caller.platformId(), caller.learnerId(), caller.contextId(), quizId, version, Integer.toString(attemptNumber))) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha256.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                sha256.update(bytes);
            }
            return ByteBuffer.wrap(sha256.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
