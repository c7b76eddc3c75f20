package io.heartwise.report;

import io.heartwise.api.ConvertedParameter;
import io.heartwise.api.CountedAttempts;
import io.heartwise.problem.InvalidParameterValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Converts the reports' typed query parameters: ISO-8601 instants, whole numbers, and the
 * contract's enums by their lower-case API names ({@link CountedAttempts}, and the export's format
 * and shape). A value that does not convert is an {@link InvalidParameterValue} naming the
 * parameter: a 400 {@code invalid-parameter}, where Jersey's own conversions would answer 404.
 * It answers only for the parameters the contract marks {@link ConvertedParameter}: in a host's
 * application every other parameter, an {@code Integer} or an {@code Instant} of the host's, is
 * converted as it is without Heartwise. Thread-safe.
 */
public final class ReportParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String parameter = Arrays.stream(annotations).filter(QueryParam.class::isInstance).map(annotation -> ((QueryParam) annotation).value())
                .findFirst().orElse(null);
        if (parameter == null || Arrays.stream(annotations).noneMatch(ConvertedParameter.class::isInstance)) {
            return null;
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) new Converter<>(parameter, "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z", Instant::parse);
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) new Converter<>(parameter, "must be a whole number", Integer::valueOf);
        }
        if (rawType.isEnum() && rawType.getPackage() == CountedAttempts.class.getPackage()) {
            return enumConverter(parameter, (Class) rawType);
        }
        return null;
    }

    private static <E extends Enum<E>> ParamConverter<E> enumConverter(String parameter, Class<E> type) {
        List<E> values = List.of(type.getEnumConstants());
        List<String> names = values.stream().map(Object::toString).toList();
        String reason = "must be " + String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        return new Converter<>(parameter, reason, text -> values.stream().filter(value -> value.toString().equals(text)).findFirst()
                .orElseThrow(IllegalArgumentException::new));
    }

    /** One parameter's conversion; {@code null} stays {@code null}, for a parameter the request leaves out. */
    private static final class Converter<T> implements ParamConverter<T> {
        private final String parameter;
        private final String reason;
        private final Function<String, T> parse;

        Converter(String parameter, String reason, Function<String, T> parse) {
            this.parameter = parameter;
            this.reason = reason;
            this.parse = parse;
        }

        @Override
        public T fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException | DateTimeException e) {
                throw new InvalidParameterValue(parameter, reason);
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
