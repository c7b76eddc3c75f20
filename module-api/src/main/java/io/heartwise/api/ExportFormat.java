package io.heartwise.api;

import java.util.Locale;

/**
 * The file format of an export. The query parameter {@code format} names it in lower case
 * ({@link #toString()}); another value is {@code 400 invalid-parameter}.
 */
public enum ExportFormat {
    /** Comma-separated values for spreadsheets ({@link ReportsApi#TEXT_CSV}), the default. */
    CSV,
    /** JSON Lines for programs: one JSON object per line ({@link ReportsApi#APPLICATION_JSONL}). */
    JSONL;

    /** @return the value as the API writes it: {@code csv} or {@code jsonl} */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
