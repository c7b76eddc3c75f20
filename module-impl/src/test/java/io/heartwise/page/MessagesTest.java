package io.heartwise.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every string a template or the page script shows is in the bundle, so a language is added by translating one file. */
class MessagesTest {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle(Messages.BUNDLE, Locale.ROOT);

    @Test
    void everyKeyTheTemplatesUseIsInTheBundle() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> templates = Files.list(Path.of("src/main/jte"))) {
            for (Path template : templates.toList()) {
                Matcher key = Pattern.compile("\\.m\\(\"([a-zA-Z.-]+)\"[,)]").matcher(Files.readString(template));
                while (key.find()) {
                    if (!BUNDLE.containsKey(key.group(1))) {
                        missing.add(template.getFileName() + ": " + key.group(1));
                    }
                }
            }
        }
        for (String type : new String[] {"single-choice", "multiple-response", "true-false", "ordering", "matching"}) {
            if (!BUNDLE.containsKey("hint." + type)) {
                missing.add("hint." + type);
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyKeyThePageScriptUsesIsHandedToIt() throws IOException {
        String script = Files.readString(Path.of("src/main/resources/heartwise/page/assets/heartwise.js"));
        Matcher key = Pattern.compile("\\bt\\('([a-zA-Z.]+)'[,)]").matcher(script);
        List<String> missing = new ArrayList<>();
        int found = 0;
        while (key.find()) {
            found++;
            if (!BUNDLE.containsKey("js." + key.group(1))) {
                missing.add(key.group(1));
            }
        }
        assertTrue(found > 20, "the script's messages were found");
        assertEquals(List.of(), missing);
    }

    @Test
    void aReaderWhoseLanguagesTheBundleLacksGetsEnglish() {
        Messages messages = Messages.forLanguages(List.of(Locale.forLanguageTag("xx"), Locale.FRENCH));
        assertEquals("en", messages.language());
        assertEquals("Quiz: Intro", messages.get("quiz.heading", "Intro"));
    }

    /** The tests' messages_de.properties translates a few keys, as a translation in progress would. */
    @Test
    void aSecondLanguageIsOneMoreBundleBesideTheEnglishAndFallsBackToItKeyByKey() {
        Messages german = Messages.forLanguages(List.of(Locale.forLanguageTag("fr-CH"), Locale.forLanguageTag("de-AT")));
        assertEquals("de", german.language());
        assertEquals("Wiederholungsquiz", german.get("lesson.review"));
        assertEquals("Quiz: Intro", german.get("quiz.heading", "Intro"), "a key it lacks, in English");
        assertTrue(german.scriptMessages().contains("\"state.read\":\"Gelesen\""), german.scriptMessages());
    }
}
