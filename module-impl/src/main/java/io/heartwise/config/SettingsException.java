package io.heartwise.config;

/** A setting has a value the plugin cannot work with; the message names the setting and the fix. */
public final class SettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message);
    }
}
