package io.heartwise.deploy;

import io.heartwise.content.EditDistance;
import io.heartwise.web.Heartwise;
import io.heartwise.config.Settings;
import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the WAR finds its settings, first match wins: the servlet context's init parameters (web.xml
 * or the container's context configuration), then system properties, then environment variables
 * (blank values count as unset). A misspelt setting would otherwise be ignored without a word, so
 * a name under {@code heartwise.} (or {@code HEARTWISE_} in the environment) that names no setting
 * is logged as a warning with the closest setting. A warning and not an error: a setting this
 * module does not know of yet must not fail a deployment. Stateless.
 */
final class SettingsLookup {
    private static final System.Logger LOG = System.getLogger(SettingsLookup.class.getName());
    private static final String PREFIX = "heartwise.";
    private static final String ENVIRONMENT_PREFIX = "HEARTWISE_";
    private static final List<String> KNOWN = Heartwise.SETTING_NAMES;

    private SettingsLookup() {
    }

    /**
     * @param initParameter      the context's init parameter of a name, or null
     * @param initParameterNames the names of all the context's init parameters
     * @param environment        the environment variables
     * @return a lookup of a setting's raw value by its name
     */
    static Function<String, Optional<String>> of(Function<String, String> initParameter, Collection<String> initParameterNames,
                                                 Map<String, String> environment) {
        initParameterNames.stream()
                .filter(name -> name.startsWith(PREFIX) && !KNOWN.contains(name))
                .forEach(name -> warn("context init parameter " + name, name, Function.identity()));
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith(PREFIX) && !KNOWN.contains(name))
                .forEach(name -> warn("system property " + name, name, Function.identity()));
        environment.keySet().stream()
                .filter(name -> name.startsWith(ENVIRONMENT_PREFIX))
                .filter(name -> KNOWN.stream().map(Settings::environmentName).noneMatch(name::equals))
                .forEach(name -> warn("environment variable " + name, name, Settings::environmentName));
        Function<String, Optional<String>> system = Settings.systemLookup(environment);
        return name -> Optional.ofNullable(initParameter.apply(name))
                .filter(value -> !value.isBlank())
                .or(() -> system.apply(name));
    }

    private static void warn(String what, String name, Function<String, String> spelling) {
        LOG.log(Level.WARNING, what + " is no Heartwise setting and is ignored." + suggestion(name, spelling)
                + " The settings are " + String.join(", ", KNOWN.stream().map(spelling).toList()) + ".");
    }

    /** @return " Did you mean X?" naming the setting closest to a misspelt name, or "" when none is close */
    static String suggestion(String name, Function<String, String> spelling) {
        return KNOWN.stream()
                .map(spelling)
                .filter(candidate -> close(name, candidate))
                .min(Comparator.comparingInt(candidate -> EditDistance.between(name, candidate)))
                .map(closest -> " Did you mean " + closest + "?")
                .orElse("");
    }

    /** A few typos, or the name cut short or run on (heartwise.cache.max-age for ...max-age-seconds). */
    private static boolean close(String name, String candidate) {
        boolean cut = (candidate.startsWith(name) || name.startsWith(candidate))
                && Math.min(name.length(), candidate.length()) > PREFIX.length() + 3;
        return cut || EditDistance.between(name, candidate) <= Math.max(3, candidate.length() / 4);
    }
}
