package io.heartwise.deploy;

import io.heartwise.web.Settings;
import io.heartwise.web.SettingsException;
import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the WAR finds its settings, first match wins: the servlet context's init parameters (web.xml
 * or the container's context configuration), then system properties, then environment variables. A
 * misspelt setting would otherwise be ignored without a word, so an init parameter or system
 * property under {@code heartwise.} that names no setting fails the start with a "did you mean",
 * and such an environment variable under {@code HEARTWISE_} is logged as a warning (the environment
 * is shared with other software). Stateless.
 */
final class SettingsLookup {
    private static final System.Logger LOG = System.getLogger(SettingsLookup.class.getName());
    private static final String PREFIX = "heartwise.";
    private static final String ENVIRONMENT_PREFIX = "HEARTWISE_";

    private SettingsLookup() {
    }

    /**
     * @param initParameter      the context's init parameter of a name, or null
     * @param initParameterNames the names of all the context's init parameters
     * @param environment        the environment variables
     * @return validated settings
     * @throws SettingsException naming the setting at fault and how to fix it
     */
    static Settings settings(Function<String, String> initParameter, Collection<String> initParameterNames,
                             Map<String, String> environment) {
        for (String name : initParameterNames) {
            rejectUnknown(name, "context init parameter");
        }
        for (String name : System.getProperties().stringPropertyNames()) {
            rejectUnknown(name, "system property");
        }
        environment.keySet().stream()
                .filter(name -> name.startsWith(ENVIRONMENT_PREFIX))
                .filter(name -> Settings.NAMES.stream().map(Settings::environmentName).noneMatch(name::equals))
                .forEach(name -> LOG.log(Level.WARNING, "environment variable " + name + " is no Heartwise setting and is ignored."
                        + suggestion(name, Settings::environmentName)));
        Function<String, Optional<String>> system = Settings.systemLookup(environment);
        return Settings.from(name -> Optional.ofNullable(initParameter.apply(name))
                .filter(value -> !value.isBlank())
                .or(() -> system.apply(name)));
    }

    private static void rejectUnknown(String name, String kind) {
        if (name.startsWith(PREFIX) && !Settings.NAMES.contains(name)) {
            throw new SettingsException(name + " (" + kind + ") is no Heartwise setting." + suggestion(name, Function.identity())
                    + " The settings are " + String.join(", ", Settings.NAMES) + ".");
        }
    }

    private static String suggestion(String name, Function<String, String> spelling) {
        return Settings.NAMES.stream()
                .map(spelling)
                .min(Comparator.comparingInt(candidate -> distance(name, candidate)))
                .filter(closest -> distance(name, closest) <= Math.max(3, closest.length() / 4))
                .map(closest -> " Did you mean " + closest + "?")
                .orElse("");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
