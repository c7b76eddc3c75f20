package io.heartwise.page;

import io.heartwise.api.CountedAttempts;
import io.heartwise.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The filters of an instructor page as a person sets them in a form: whole days (UTC), both ends
 * included, and which attempts count. Turned into the report API's half-open instant range
 * ({@code from} inclusive, {@code to} exclusive) so that the page and the API answer the same question.
 *
 * @param fromDay  first day included, or {@code null}
 * @param toDay    last day included, or {@code null}
 * @param attempts which attempts count
 */
public record StaffFilters(LocalDate fromDay, LocalDate toDay, CountedAttempts attempts) {

    /** @throws ProblemException {@code 400 invalid-parameter} for a day that is not {@code yyyy-mm-dd}, or an unknown choice */
    public static StaffFilters parse(String from, String to, String attempts) {
        LocalDate fromDay = day("from", from);
        LocalDate toDay = day("to", to);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            throw ProblemException.invalidParameter("to", "must be the same day as from or later");
        }
        CountedAttempts counted = CountedAttempts.ALL;
        if (attempts != null && !attempts.isBlank()) {
            try {
                counted = CountedAttempts.valueOf(attempts.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw ProblemException.invalidParameter("attempts", "must be all, first, last or best");
            }
        }
        return new StaffFilters(fromDay, toDay, counted);
    }

    private static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value.strip());
            if (day.getYear() < 1970 || day.getYear() > 9999) {
                throw ProblemException.invalidParameter(name, "must be a day from 1970 on, written yyyy-mm-dd");
            }
            return day;
        } catch (DateTimeParseException malformed) {
            throw ProblemException.invalidParameter(name, "must be a day written yyyy-mm-dd, e.g. 2026-12-01");
        }
    }

    /** @return the start of {@code fromDay} in UTC, or {@code null} */
    public Instant from() {
        return fromDay == null ? null : fromDay.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** @return the start of the day after {@code toDay} in UTC (the API's bound is exclusive), or {@code null} */
    public Instant to() {
        return toDay == null ? null : toDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * @return the report API's query for these filters, e.g. {@code attempts=best&from=2026-12-01T00:00:00Z},
     *         for the export buttons and for anyone comparing the page with the API
     */
    public String apiQuery(String context) {
        StringBuilder query = new StringBuilder("attempts=").append(attempts);
        if (context != null) {
            query.append("&context=").append(java.net.URLEncoder.encode(context, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (from() != null) {
            query.append("&from=").append(from());
        }
        if (to() != null) {
            query.append("&to=").append(to());
        }
        return query.toString();
    }

    /** @return the page's own query for these filters, without {@code attempts} when it is the default */
    public String pageQuery() {
        StringBuilder query = new StringBuilder();
        if (attempts != CountedAttempts.ALL) {
            query.append("&attempts=").append(attempts);
        }
        if (fromDay != null) {
            query.append("&from=").append(fromDay);
        }
        if (toDay != null) {
            query.append("&to=").append(toDay);
        }
        return query.isEmpty() ? "" : "?" + query.substring(1);
    }
}
