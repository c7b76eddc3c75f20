package io.heartwise.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every user-facing string of the pages, from one bundle ({@code heartwise/page/messages.properties},
 * English; a {@code messages_de.properties} beside it adds German without touching a template).
 * Keys starting with {@code js.} are also handed to the page's script, which formats their
 * {@code {0}} placeholders itself. Thread-safe; one instance per language, made once.
 */
public final class Messages {
    static final String BUNDLE = "heartwise.page.messages";
    private static final String SCRIPT_PREFIX = "js.";
    private static final Map<Locale, Messages> BY_LOCALE = new ConcurrentHashMap<>();
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;
    private final Locale locale;
    private final String scriptMessages;

    private Messages(ResourceBundle bundle) {
        this.bundle = bundle;
        this.locale = bundle.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : bundle.getLocale();
        Map<String, String> script = new TreeMap<>();
        for (String key : bundle.keySet()) {
            if (key.startsWith(SCRIPT_PREFIX)) {
                script.put(key.substring(SCRIPT_PREFIX.length()), bundle.getString(key));
            }
        }
        try {
            this.scriptMessages = new ObjectMapper().writeValueAsString(script);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the script's messages", e);
        }
    }

    /** @return the English messages, which every language falls back to */
    public static Messages english() {
        return of(Locale.ROOT);
    }

    /**
     * @param preferred the reader's languages, most wanted first (from {@code Accept-Language}, or an LMS launch)
     * @return the messages of the first language the bundle has, else English
     */
    public static Messages forLanguages(List<Locale> preferred) {
        for (Locale wanted : preferred) {
            if (wanted.getLanguage().isEmpty() || "*".equals(wanted.getLanguage())) {
                continue;
            }
            Messages messages = of(Locale.forLanguageTag(wanted.getLanguage()));
            if (messages.locale.getLanguage().equals(wanted.getLanguage())) {
                return messages;
            }
        }
        return english();
    }

    private static Messages of(Locale locale) {
        return BY_LOCALE.computeIfAbsent(locale, wanted -> {
            ResourceBundle bundle;
            try {
                bundle = ResourceBundle.getBundle(BUNDLE, wanted, Messages.class.getClassLoader(), NO_FALLBACK);
            } catch (MissingResourceException e) {
                bundle = ResourceBundle.getBundle(BUNDLE, Locale.ROOT, Messages.class.getClassLoader(), NO_FALLBACK);
            }
            return new Messages(bundle);
        });
    }

    /** @return the language of these messages, for {@code <html lang>} */
    public String language() {
        return locale.toLanguageTag();
    }

    /**
     * @param key  a key of the bundle; a missing one is a bug, found by {@code MessagesTest}
     * @param args values for {@code {0}}, {@code {1}}...; numbers formatted for the language
     */
    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** @return the {@code js.} messages as one JSON object, for the page's script */
    public String scriptMessages() {
        return scriptMessages;
    }
}
