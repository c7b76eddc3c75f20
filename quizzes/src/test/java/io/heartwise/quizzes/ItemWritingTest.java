package io.heartwise.quizzes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Measures the tells that let a learner who has not read a lesson score above chance, for each lesson and for the
 * course; prints the figures; and fails a figure that is far outside what random writing would give.
 *
 * <p>"Random writing" is the null model every figure is compared with: an author who writes the same statements
 * and choices but picks the key at random (a fair coin for true/false, any one of the k choices for single choice,
 * any c of the k for multiple response), and who picks ordering lengths, matching category counts and
 * multiple-response key counts at random within the format's ranges. Under that model each figure has an exact
 * distribution (binomial, hypergeometric, or a sum of per-question Bernoulli/hypergeometric counts), and a figure
 * fails when a random author would produce one at least as extreme less than {@value #ALPHA} of the time. Tests
 * are two-sided where both directions are tells (a key that is never the longest choice is as much a tell as one
 * that always is), and Bonferroni-corrected where one figure is several counts (key positions, the most common
 * ordering length). Why 5 % and not 1 %: keys are chosen, not drawn, so an author can always balance them, and the
 * tells the issue found course-wide (31 of 46 true/false keys False, 13 of 16 in one lesson) sit between 1 % and
 * 2 % under the fair coin, which a 1 % bound would let through. The rules with no chance model (phrases that give
 * an ordering away, quotation marks that mark one matching category) fail on any occurrence.
 *
 * <p>The quizzes are read as raw YAML trees and the section texts from the lesson Markdown beside this module, so
 * the figures do not depend on which fields the loader knows. To see one lesson's figures alone:
 * {@code mvn -B -o -q -pl quizzes -am test -Dtest=ItemWritingTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dheartwise.itemWriting.scopes=why-he-is-losing-interest} (comma-separated lesson ids, and/or {@code course}).
 */
class ItemWritingTest {
    private static final double ALPHA = 0.05;
    private static final Path QUIZ_DIR = Path.of("src/main/resources/heartwise/quizzes");
    /** The lessons module depends on this one, so its Markdown is read from the source tree, not the classpath. */
    private static final Path LESSON_DIR = Path.of("../lessons/src/main/resources/heartwise/lessons");
    private static final String COURSE = "course";

    private static final Set<String> ABSOLUTE_WORDS = Set.of("only", "never", "always", "every", "everyone",
            "everything", "everywhere", "all", "none", "nothing", "nobody", "must", "completely", "entirely",
            "totally", "forever", "certainly", "guaranteed", "cannot", "can't", "won't");
    private static final Set<String> HEDGE_WORDS = Set.of("can", "could", "often", "sometimes", "may", "might",
            "some", "usually", "tend", "tends", "likely", "perhaps", "possibly", "probably", "generally", "mostly",
            "partly", "somewhat", "occasionally");
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "and", "or", "but", "if", "of", "to",
            "in", "on", "at", "by", "for", "with", "from", "as", "into", "about", "than", "then", "so", "that", "this",
            "these", "those", "it", "its", "it's", "is", "are", "was", "were", "be", "been", "being", "am", "do",
            "does", "did", "doesn't", "don't", "not", "no", "he", "him", "his", "she", "her", "hers", "they", "them",
            "their", "you", "your", "you're", "we", "our", "i", "me", "my", "who", "what", "which", "when", "where",
            "why", "how", "there", "here", "have", "has", "had", "will", "would", "should", "can", "could", "may",
            "might", "more", "most", "less", "just", "also", "even", "very", "too", "up", "out", "over", "own", "all",
            "any", "some", "one", "he's", "she's", "isn't", "aren't", "wasn't", "won't", "can't", "like", "get",
            "make", "makes", "way");
    /** Words that tie an ordering item to its neighbour, so the order can be read off the wording. */
    private static final Pattern ORDER_PHRASE = Pattern.compile("\\b(then|next|finally|eventually|afterwards|"
            + "as a result|in turn|that's when|after that|after this|because of that|because of this|lacking that|"
            + "without that|by then|from then on|at last|at first|first|second|third|lastly)\\b");
    private static final Pattern ANAPHORIC_START = Pattern.compile("^(that|this|these|those|it|such|so|which|and)\\b");
    private static final Pattern QUOTATION = Pattern.compile("[\"“”]");
    private static final Pattern WORD = Pattern.compile("[a-z]+(?:'[a-z]+)?");

    @TestFactory
    Stream<DynamicNode> itemWritingFiguresStayWithinWhatRandomWritingGives() {
        List<Item> items = readItems();
        Map<String, List<Item>> scopes = new LinkedHashMap<>();
        items.forEach(item -> scopes.computeIfAbsent(item.lesson(), lesson -> new ArrayList<>()).add(item));
        scopes.put(COURSE, items);
        Set<String> wanted = wantedScopes(scopes.keySet());
        List<DynamicNode> nodes = new ArrayList<>();
        StringBuilder report = new StringBuilder("Item-writing figures (fail where p < " + ALPHA + " under random writing)\n");
        scopes.forEach((scope, scopeItems) -> {
            if (!wanted.contains(scope)) {
                return;
            }
            List<Figure> figures = measure(scopeItems);
            report.append('\n').append(scope).append(" (").append(scopeItems.size()).append(" questions)\n");
            figures.forEach(figure -> report.append(String.format(Locale.ROOT, "  %-4s %-34s %s%n",
                    figure.failure() == null ? "ok" : "FAIL", figure.name(), figure.figures())));
            nodes.add(DynamicContainer.dynamicContainer(scope, figures.stream().map(figure -> DynamicTest.dynamicTest(
                    figure.name(), () -> {
                        if (figure.failure() != null) {
                            fail(scope + ": " + figure.name() + ": " + figure.figures() + ": " + figure.failure());
                        }
                    }))));
        });
        System.out.println(report);
        return nodes.stream();
    }

    /** The figures above are only as good as the chance model; these are textbook values it must reproduce. */
    @Test
    void theChanceModelReproducesTextbookProbabilities() {
        // 13 False of 16 under a fair coin: P(X >= 13) = 697 / 65536, doubled by symmetry.
        assertEquals(2 * 697 / 65536.0, Chance.binomial(16, 0.5).twoSided(3), 1e-12);
        // Fisher's exact test on the classic tea-tasting table (3 of 4 right): two-sided p = 34/70.
        assertEquals(34 / 70.0, Chance.hypergeometric(8, 4, 4).twoSided(3), 1e-12);
        // Never the longest in 56 items of 4 choices: (3/4)^56, plus the as-unlikely far upper tail, which is smaller.
        Chance longest = Chance.binomial(56, 0.25);
        assertEquals(Math.pow(0.75, 56), longest.pmf()[0], 1e-18);
        assertTrue(longest.twoSided(0) > Math.pow(0.75, 56) && longest.twoSided(0) < 2 * Math.pow(0.75, 56));
        assertEquals(1.0, Chance.sum(List.of(Chance.hypergeometric(5, 2, 3), Chance.bernoulli(0.2))).atLeast(0), 1e-12);
        assertEquals(1.2 + 0.2, Chance.sum(List.of(Chance.hypergeometric(5, 2, 3), Chance.bernoulli(0.2))).mean(), 1e-12);
    }

    private static Set<String> wantedScopes(Set<String> known) {
        String property = System.getProperty("heartwise.itemWriting.scopes", "").strip();
        if (property.isEmpty()) {
            return known;
        }
        Set<String> wanted = Arrays.stream(property.split(",")).map(String::strip).collect(Collectors.toSet());
        Set<String> unknown = new LinkedHashSet<>(wanted);
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("heartwise.itemWriting.scopes names " + unknown + "; known: " + known);
        }
        return wanted;
    }

    private static List<Figure> measure(List<Item> items) {
        List<Item> trueFalse = ofType(items, "true-false");
        List<Item> singleChoice = ofType(items, "single-choice");
        List<Item> choiceItems = items.stream()
                .filter(item -> item.type().equals("single-choice") || item.type().equals("multiple-response")).toList();
        return List.of(
                trueFalseKeyBalance(trueFalse),
                trueFalseMarkedBy("true/false hedge words", trueFalse, ItemWritingTest::hasHedge),
                trueFalseMarkedBy("true/false absolute words", trueFalse, ItemWritingTest::hasAbsolute),
                singleChoiceKeyPosition(singleChoice),
                singleChoiceKeyIsUniqueExtreme("single-choice key longest", singleChoice, +1),
                singleChoiceKeyIsUniqueExtreme("single-choice key shortest", singleChoice, -1),
                keysMarkedBy("choice absolute words", choiceItems, ItemWritingTest::hasAbsolute),
                keysMarkedBy("choice hedge words", choiceItems, ItemWritingTest::hasHedge),
                singleChoiceKeySharesMostWithSection(singleChoice),
                concentration("ordering lengths", ofType(items, "ordering"),
                        item -> item.choices().size(), item -> new int[] {3, 6}),
                orderingPhrases(ofType(items, "ordering")),
                concentration("matching categories", ofType(items, "matching"),
                        Item::categories, item -> new int[] {2, 4}),
                matchingQuotationMarks(ofType(items, "matching")),
                concentration("multiple-response key counts", ofType(items, "multiple-response"),
                        item -> (int) item.choices().stream().filter(Choice::correct).count(),
                        item -> new int[] {1, item.choices().size() - 1}));
    }

    // ---- the figures

    private static Figure trueFalseKeyBalance(List<Item> trueFalse) {
        String name = "true/false key balance";
        if (trueFalse.isEmpty()) {
            return Figure.none(name);
        }
        int trueKeys = (int) trueFalse.stream().filter(Item::keyIsTrue).count();
        Chance chance = Chance.binomial(trueFalse.size(), 0.5);
        return Figure.test(name, String.format(Locale.ROOT, "%d True, %d False of %d", trueKeys,
                trueFalse.size() - trueKeys, trueFalse.size()), chance.twoSided(trueKeys), 1);
    }

    /** Whether a mark (a hedge, an absolute) sits in true statements more or less often than the keys' split gives. */
    private static Figure trueFalseMarkedBy(String name, List<Item> trueFalse, Predicate<String> mark) {
        if (trueFalse.isEmpty()) {
            return Figure.none(name);
        }
        int trueKeys = (int) trueFalse.stream().filter(Item::keyIsTrue).count();
        int marked = (int) trueFalse.stream().filter(item -> mark.test(item.statement())).count();
        int markedTrue = (int) trueFalse.stream().filter(item -> item.keyIsTrue() && mark.test(item.statement())).count();
        int markedFalse = marked - markedTrue;
        // The test-wise rule: answer the way the mark points (hedged => True; absolute => False), else the other way.
        int ruleRight = Math.max(markedTrue + (trueFalse.size() - trueKeys - markedFalse),
                markedFalse + (trueKeys - markedTrue));
        Chance chance = Chance.hypergeometric(trueFalse.size(), marked, trueKeys);
        return Figure.test(name, String.format(Locale.ROOT,
                "in %d of %d true and %d of %d false statements; following the mark scores %d%%",
                markedTrue, trueKeys, markedFalse, trueFalse.size() - trueKeys,
                Math.round(100.0 * ruleRight / trueFalse.size())), chance.twoSided(markedTrue), 1);
    }

    private static Figure singleChoiceKeyPosition(List<Item> singleChoice) {
        String name = "single-choice key position";
        if (singleChoice.isEmpty()) {
            return Figure.none(name);
        }
        int positions = singleChoice.stream().mapToInt(item -> item.choices().size()).max().orElseThrow();
        StringBuilder figures = new StringBuilder();
        double smallest = 1;
        for (int position = 1; position <= positions; position++) {
            int finalPosition = position;
            Chance chance = Chance.sum(singleChoice.stream().filter(item -> item.choices().size() >= finalPosition)
                    .map(item -> Chance.bernoulli(1.0 / item.choices().size())).toList());
            int observed = (int) singleChoice.stream().filter(item -> item.keyPosition() == finalPosition).count();
            smallest = Math.min(smallest, chance.twoSided(observed));
            figures.append(String.format(Locale.ROOT, "%s%d: %d (expected %.1f)", position == 1 ? "" : ", ",
                    position, observed, chance.mean()));
        }
        return Figure.test(name, figures.toString(), smallest, positions);
    }

    /** direction +1: the key is the unique longest choice; -1: the unique shortest (by characters). */
    private static Figure singleChoiceKeyIsUniqueExtreme(String name, List<Item> singleChoice, int direction) {
        List<Item> withUniqueExtreme = singleChoice.stream()
                .filter(item -> uniqueExtreme(item.choices().stream().map(choice -> direction * choice.text().length()).toList()) >= 0)
                .toList();
        if (withUniqueExtreme.isEmpty()) {
            return Figure.none(name);
        }
        int observed = (int) withUniqueExtreme.stream().filter(item -> uniqueExtreme(item.choices().stream()
                .map(choice -> direction * choice.text().length()).toList()) == item.keyPosition() - 1).count();
        Chance chance = Chance.sum(withUniqueExtreme.stream().map(item -> Chance.bernoulli(1.0 / item.choices().size())).toList());
        return Figure.test(name, String.format(Locale.ROOT, "%d of %d items with a unique %s choice (expected %.1f)",
                observed, withUniqueExtreme.size(), direction > 0 ? "longest" : "shortest", chance.mean()),
                chance.twoSided(observed), 1);
    }

    /** Whether keys carry a mark more or less often than a random choice of keys among the same choices would. */
    private static Figure keysMarkedBy(String name, List<Item> choiceItems, Predicate<String> mark) {
        if (choiceItems.isEmpty()) {
            return Figure.none(name);
        }
        List<Chance> perItem = new ArrayList<>();
        int keys = 0;
        int markedKeys = 0;
        int distractors = 0;
        int markedDistractors = 0;
        for (Item item : choiceItems) {
            int itemKeys = (int) item.choices().stream().filter(Choice::correct).count();
            int itemMarked = (int) item.choices().stream().filter(choice -> mark.test(choice.text())).count();
            int itemMarkedKeys = (int) item.choices().stream().filter(choice -> choice.correct() && mark.test(choice.text())).count();
            perItem.add(Chance.hypergeometric(item.choices().size(), itemMarked, itemKeys));
            keys += itemKeys;
            markedKeys += itemMarkedKeys;
            distractors += item.choices().size() - itemKeys;
            markedDistractors += itemMarked - itemMarkedKeys;
        }
        Chance chance = Chance.sum(perItem);
        return Figure.test(name, String.format(Locale.ROOT,
                "in %d of %d keys (%d%%, expected %.1f) and %d of %d distractors (%d%%)", markedKeys, keys,
                Math.round(100.0 * markedKeys / keys), chance.mean(), markedDistractors, distractors,
                Math.round(100.0 * markedDistractors / Math.max(1, distractors))), chance.twoSided(markedKeys), 1);
    }

    private static Figure singleChoiceKeySharesMostWithSection(List<Item> singleChoice) {
        String name = "single-choice key/section overlap";
        List<Item> withUniqueTop = singleChoice.stream().filter(item -> uniqueExtreme(overlaps(item)) >= 0).toList();
        if (withUniqueTop.isEmpty()) {
            return Figure.none(name);
        }
        int observed = (int) withUniqueTop.stream().filter(item -> uniqueExtreme(overlaps(item)) == item.keyPosition() - 1).count();
        Chance chance = Chance.sum(withUniqueTop.stream().map(item -> Chance.bernoulli(1.0 / item.choices().size())).toList());
        return Figure.test(name, String.format(Locale.ROOT,
                "key shares the most content words with its section in %d of %d items with a unique top (expected %.1f)",
                observed, withUniqueTop.size(), chance.mean()), chance.twoSided(observed), 1);
    }

    /**
     * Whether one value (an ordering length, a category count, a key count) is more common than an author picking
     * each item's value at random within its range would make it. Bonferroni over the values seen.
     */
    private static Figure concentration(String name, List<Item> items, java.util.function.ToIntFunction<Item> value,
            java.util.function.Function<Item, int[]> range) {
        if (items.isEmpty()) {
            return Figure.none(name);
        }
        Map<Integer, Integer> counts = new TreeMap<>();
        items.forEach(item -> counts.merge(value.applyAsInt(item), 1, Integer::sum));
        double smallest = 1;
        for (Map.Entry<Integer, Integer> entry : counts.entrySet()) {
            Chance chance = Chance.sum(items.stream().map(item -> {
                int[] bounds = range.apply(item);
                boolean inRange = entry.getKey() >= bounds[0] && entry.getKey() <= bounds[1];
                return Chance.bernoulli(inRange ? 1.0 / (bounds[1] - bounds[0] + 1) : 0);
            }).toList());
            smallest = Math.min(smallest, chance.atLeast(entry.getValue()));
        }
        String figures = counts.entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining(", ", "", " (value: items) of " + items.size()));
        return Figure.test(name, figures, smallest, counts.size());
    }

    private static Figure orderingPhrases(List<Item> ordering) {
        List<String> found = new ArrayList<>();
        for (Item item : ordering) {
            for (Choice choice : item.choices()) {
                String text = choice.text().toLowerCase(Locale.ROOT).replace('’', '\'').strip();
                Matcher phrase = ORDER_PHRASE.matcher(text);
                Matcher start = ANAPHORIC_START.matcher(text);
                if (phrase.find()) {
                    found.add(item.where() + "/" + choice.id() + " (\"" + phrase.group() + "\")");
                } else if (start.find()) {
                    found.add(item.where() + "/" + choice.id() + " (starts \"" + start.group() + "\")");
                }
            }
        }
        return Figure.rule("ordering order-giving phrases", found.size() + " in " + ordering.size() + " items",
                found.isEmpty() ? null : "items whose wording gives their place away: " + found);
    }

    private static Figure matchingQuotationMarks(List<Item> matching) {
        List<String> marked = new ArrayList<>();
        for (Item item : matching) {
            List<Choice> quoted = item.choices().stream().filter(choice -> QUOTATION.matcher(choice.text()).find()).toList();
            long categories = quoted.stream().map(Choice::category).distinct().count();
            if (quoted.size() >= 2 && quoted.size() < item.choices().size() && categories == 1) {
                marked.add(item.where() + " (" + quoted.size() + " quoted, all " + quoted.get(0).category() + ")");
            }
        }
        return Figure.rule("matching quotation marks", marked.size() + " of " + matching.size() + " items mark one category",
                marked.isEmpty() ? null : "quotation marks give the category away in " + marked);
    }

    // ---- words

    private static boolean hasHedge(String text) {
        return words(text).stream().anyMatch(HEDGE_WORDS::contains);
    }

    private static boolean hasAbsolute(String text) {
        return words(text).stream().anyMatch(ABSOLUTE_WORDS::contains);
    }

    private static List<String> words(String text) {
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\''));
        List<String> words = new ArrayList<>();
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    /** Distinct content words, crudely stemmed so "efforts" meets "effort" and "he's" meets nothing. */
    private static Set<String> contentWords(String text) {
        return words(text).stream().filter(word -> !STOP_WORDS.contains(word)).map(ItemWritingTest::stem)
                .collect(Collectors.toSet());
    }

    private static String stem(String word) {
        String stem = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
        if (stem.length() > 3 && stem.endsWith("s") && !stem.endsWith("ss")) {
            stem = stem.substring(0, stem.length() - 1);
        }
        return stem;
    }

    private static List<Integer> overlaps(Item item) {
        Set<String> section = contentWords(item.sectionText());
        return item.choices().stream().map(choice -> (int) contentWords(choice.text()).stream().filter(section::contains).count())
                .toList();
    }

    /** The index of the unique largest value, or -1 when the largest is shared. */
    private static int uniqueExtreme(List<Integer> values) {
        int best = -1;
        boolean shared = false;
        for (int i = 0; i < values.size(); i++) {
            if (best < 0 || values.get(i) > values.get(best)) {
                best = i;
                shared = false;
            } else if (values.get(i).equals(values.get(best))) {
                shared = true;
            }
        }
        return shared ? -1 : best;
    }

    private static List<Item> ofType(List<Item> items, String type) {
        return items.stream().filter(item -> item.type().equals(type)).toList();
    }

    // ---- reading the content raw

    private static List<Item> readItems() {
        YAMLMapper yaml = new YAMLMapper();
        Map<String, Map<String, String>> sectionsByLesson = new LinkedHashMap<>();
        List<Item> items = new ArrayList<>();
        try {
            for (JsonNode quizId : yaml.readTree(QUIZ_DIR.resolve("index.yaml").toFile()).path("quizzes")) {
                JsonNode quiz = yaml.readTree(QUIZ_DIR.resolve(quizId.asText() + ".yaml").toFile());
                String lesson = quiz.path("lesson").asText();
                Map<String, String> sections = sectionsByLesson.computeIfAbsent(lesson, ItemWritingTest::readSections);
                String section = quiz.hasNonNull("section") ? quiz.get("section").asText() : null;
                // A review question may draw on any section, so it is compared with the whole lesson.
                String sectionText = section == null ? String.join("\n", sections.values()) : sections.get(section);
                if (sectionText == null) {
                    throw new IllegalStateException(quizId.asText() + " names section " + section + ", not in " + lesson);
                }
                for (JsonNode question : quiz.path("questions")) {
                    List<Choice> choices = new ArrayList<>();
                    for (JsonNode choice : question.path("choices")) {
                        choices.add(new Choice(choice.path("id").asText(), choice.path("text").asText().strip(),
                                choice.path("correct").asBoolean(false), choice.path("category").asText(null)));
                    }
                    items.add(new Item(lesson, quizId.asText(), question.path("id").asText(), question.path("type").asText(),
                            question.path("prompt").asText().strip(), List.copyOf(choices),
                            question.path("categories").size(), sectionText));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }

    /** Section id to section text (heading and body), pairing the front matter's sections with the "## " headings in order. */
    private static Map<String, String> readSections(String lesson) {
        try {
            String markdown = Files.readString(LESSON_DIR.resolve(lesson + ".md"), StandardCharsets.UTF_8);
            String[] parts = markdown.split("(?m)^---\\s*$", 3);
            JsonNode frontMatter = new YAMLMapper().readTree(parts[1]);
            List<String> bodies = new ArrayList<>();
            for (String line : parts[2].split("\n")) {
                if (line.startsWith("## ")) {
                    bodies.add("");
                }
                if (!bodies.isEmpty()) {
                    bodies.set(bodies.size() - 1, bodies.get(bodies.size() - 1) + line + "\n");
                }
            }
            Map<String, String> sections = new LinkedHashMap<>();
            int index = 0;
            for (JsonNode section : frontMatter.path("sections")) {
                sections.put(section.path("id").asText(), bodies.get(index++));
            }
            return sections;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Choice(String id, String text, boolean correct, String category) {
    }

    record Item(String lesson, String quiz, String id, String type, String prompt, List<Choice> choices, int categories,
            String sectionText) {
        String where() {
            return quiz + "/" + id;
        }

        boolean keyIsTrue() {
            return choices.stream().anyMatch(choice -> choice.correct() && choice.id().equals("true"));
        }

        /** 1-based position of the (single) key as written. */
        int keyPosition() {
            for (int i = 0; i < choices.size(); i++) {
                if (choices.get(i).correct()) {
                    return i + 1;
                }
            }
            throw new IllegalStateException(where() + " has no key");
        }

        /** A true/false prompt without its "True or false?" lead-in. */
        String statement() {
            return prompt.replaceFirst("(?i)^true or false\\?\\s*", "");
        }
    }

    /** One measured figure of a scope: what was counted, and why it fails (null when it does not). */
    record Figure(String name, String figures, String failure) {
        static Figure none(String name) {
            return new Figure(name, "no items", null);
        }

        static Figure rule(String name, String figures, String failure) {
            return new Figure(name, figures, failure);
        }

        /** p is the smallest of {@code tests} p-values; Bonferroni keeps the figure's own false-alarm rate at ALPHA. */
        static Figure test(String name, String figures, double p, int tests) {
            double corrected = Math.min(1, p * tests);
            String shown = figures + String.format(Locale.ROOT, "; p=%.3g", corrected);
            return new Figure(name, shown, corrected < ALPHA
                    ? "a random writer gives a figure this extreme with p=" + String.format(Locale.ROOT, "%.3g", corrected)
                            + " < " + ALPHA
                    : null);
        }
    }

    /** An exact distribution of a count 0..n, built by convolving per-item distributions. */
    record Chance(double[] pmf) {
        static Chance bernoulli(double p) {
            return new Chance(new double[] {1 - p, p});
        }

        static Chance binomial(int n, double p) {
            return sum(java.util.Collections.nCopies(n, bernoulli(p)));
        }

        /** Marked items among {@code drawn} taken at random from {@code population}, {@code marked} of which are marked. */
        static Chance hypergeometric(int population, int marked, int drawn) {
            double[] pmf = new double[drawn + 1];
            for (int x = 0; x <= drawn; x++) {
                if (x <= marked && drawn - x <= population - marked) {
                    pmf[x] = Math.exp(logChoose(marked, x) + logChoose(population - marked, drawn - x)
                            - logChoose(population, drawn));
                }
            }
            return new Chance(pmf);
        }

        static Chance sum(List<Chance> parts) {
            double[] total = {1};
            for (Chance part : parts) {
                double[] next = new double[total.length + part.pmf.length - 1];
                for (int i = 0; i < total.length; i++) {
                    for (int j = 0; j < part.pmf.length; j++) {
                        next[i + j] += total[i] * part.pmf[j];
                    }
                }
                total = next;
            }
            return new Chance(total);
        }

        double mean() {
            double mean = 0;
            for (int x = 0; x < pmf.length; x++) {
                mean += x * pmf[x];
            }
            return mean;
        }

        /** The chance of an outcome no more likely than the observed one (the usual exact two-sided p). */
        double twoSided(int observed) {
            double at = observed < pmf.length ? pmf[observed] : 0;
            double p = 0;
            for (double probability : pmf) {
                if (probability <= at * (1 + 1e-9)) {
                    p += probability;
                }
            }
            return Math.min(1, p);
        }

        double atLeast(int observed) {
            double p = 0;
            for (int x = Math.max(0, observed); x < pmf.length; x++) {
                p += pmf[x];
            }
            return Math.min(1, p);
        }

        private static double logChoose(int n, int k) {
            double log = 0;
            for (int i = 1; i <= k; i++) {
                log += Math.log(n - k + i) - Math.log(i);
            }
            return log;
        }
    }
}
