package io.heartwise.api;

import io.swagger.v3.oas.annotations.media.Schema;
/**
 * One statistic of a report, with the number of observations it rests on. A statistic that the
 * data cannot support (too few attempts, no variance, a division by zero) has no {@code value}
 * and says why in {@code reason}; it is never {@code NaN}, infinite, or a made-up {@code 0}.
 *
 * @param value  the statistic; absent when it cannot be computed
 * @param n      how many observations (usually counted attempts) it was computed from
 * @param reason why {@code value} is absent; absent when there is a value
 */
public record Statistic(@Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) Double value, long n, @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String reason) {

    /**
     * @param value a finite value
     * @param n     the observations it rests on
     * @return a statistic with a value
     * @throws IllegalArgumentException when {@code value} is {@code NaN} or infinite
     */
    public static Statistic of(double value, long n) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a statistic must be finite, not " + value);
        }
        return new Statistic(value, n, null);
    }

    /**
     * @param n      the observations there were
     * @param reason why the statistic cannot be computed from them
     * @return a statistic without a value
     */
    public static Statistic missing(long n, String reason) {
        return new Statistic(null, n, reason);
    }
}
