package io.heartwise.content;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Binds YAML to a document record strictly (unknown fields, duplicate keys and wrong types are
 * errors) and validates it, turning every failure into a located {@link ContentProblem}.
 */
final class DocumentReader {
    private final ObjectMapper yaml;
    private final Validator validator;

    DocumentReader(Validator validator) {
        this.validator = validator;
        this.yaml = YAMLMapper.builder(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** A bound, valid document and where its values are in the file. */
    record Located<T>(T document, SourceLocations locations) {
    }

    /**
     * @param lineOffset lines before the YAML in its file
     * @return the document, or empty when it has problems, which are added to {@code problems}
     */
    <T> Optional<Located<T>> read(String path, String text, int lineOffset, Class<T> type, List<ContentProblem> problems) {
        SourceLocations locations = new SourceLocations(yaml, path, text, lineOffset);
        T document;
        try {
            // A full parse first, so that a syntax error is reported as such before any binding problem.
            document = yaml.treeToValue(yaml.readTree(text), type);
        } catch (UnrecognizedPropertyException e) {
            problems.add(locations.problem(pointer(e), unknownField(e)));
            return Optional.empty();
        } catch (JsonMappingException e) {
            if (!(e instanceof MismatchedInputException) && e.getPath().isEmpty()
                    && e.getCause() instanceof JsonProcessingException syntax) {
                problems.add(syntaxProblem(path, lineOffset, syntax));
                return Optional.empty();
            }
            String message = e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null && mismatch.getTargetType().isEnum()
                    ? notOneOf(mismatch)
                    : "cannot read " + describePath(e) + ": " + firstLine(e.getOriginalMessage());
            problems.add(e.getPath().isEmpty() ? locations.problem(e.getLocation(), message) : locations.problem(pointer(e), message));
            return Optional.empty();
        } catch (JsonProcessingException e) {
            problems.add(syntaxProblem(path, lineOffset, e));
            return Optional.empty();
        } catch (IOException e) {
            problems.add(new ContentProblem(path, 1 + lineOffset, 1, "cannot read: " + firstLine(e.getMessage())));
            return Optional.empty();
        }
        if (document == null) {
            problems.add(new ContentProblem(path, 1 + lineOffset, 1, "the document is empty"));
            return Optional.empty();
        }
        List<ContentProblem> violations = validator.validate(document).stream()
                .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .map(violation -> locations.problem(pointer(violation.getPropertyPath()), describe(violation)))
                .collect(Collectors.toList());
        problems.addAll(violations);
        return violations.isEmpty() ? Optional.of(new Located<>(document, locations)) : Optional.empty();
    }

    private static ContentProblem syntaxProblem(String path, int lineOffset, JsonProcessingException e) {
        return new ContentProblem(path, e.getLocation() == null ? 1 : e.getLocation().getLineNr() + lineOffset,
                e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr()),
                "not valid YAML: " + oneLine(e.getOriginalMessage()));
    }

    private static String unknownField(UnrecognizedPropertyException e) {
        String field = e.getPropertyName();
        String message = "unknown field \"" + field + "\"";
        Collection<Object> known = e.getKnownPropertyIds();
        if (known == null || known.isEmpty()) {
            return message;
        }
        List<String> names = known.stream().map(String::valueOf).toList();
        return message + didYouMean(field, names) + " Known fields: " + names.stream().sorted().collect(Collectors.joining(", "));
    }

    /**
     * A value outside a closed set, such as {@code type: essay}: the set's names as the file
     * writes them (the enum's {@code @JsonValue}s) and, for a misspelt name, the nearest one.
     */
    private String notOneOf(MismatchedInputException e) {
        List<String> names = Arrays.stream(e.getTargetType().getEnumConstants()).map(constant -> yaml.convertValue(constant, String.class)).toList();
        String field = e.getPath().isEmpty() || e.getPath().get(e.getPath().size() - 1).getFieldName() == null
                ? "the value" : e.getPath().get(e.getPath().size() - 1).getFieldName();
        String known = String.join(", ", names);
        if (e instanceof InvalidFormatException invalid) {
            String written = String.valueOf(invalid.getValue());
            return field + " \"" + written + "\" is not one of " + known + didYouMean(written, names);
        }
        return field + " must be one of " + known;
    }

    /** The one rule for suggestions: the nearest known name, when it is a slip of a few characters away. */
    private static String didYouMean(String written, List<String> known) {
        return known.stream()
                .min(Comparator.comparingInt(candidate -> EditDistance.between(candidate, written)))
                .filter(candidate -> EditDistance.between(candidate, written) <= Math.max(2, written.length() / 3))
                .map(candidate -> "; did you mean \"" + candidate + "\"?")
                .orElse("");
    }

    private static String pointer(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : String.valueOf(reference.getIndex()))
                .map(step -> "/" + step)
                .collect(Collectors.joining());
    }

    private static String describePath(JsonMappingException e) {
        String pointer = pointer(e);
        return pointer.isEmpty() ? "the document" : "\"" + pointer + "\"";
    }

    private static String describe(ConstraintViolation<?> violation) {
        String leaf = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getName() != null && !node.getName().startsWith("<")) {
                leaf = node.getName();
            }
        }
        String message = violation.getMessage();
        return leaf == null || message.startsWith(leaf + " ") ? message : leaf + " " + message;
    }

    /** {@code questions[2].choices[0].feedback} becomes {@code /questions/2/choices/0/feedback}. */
    static String pointer(Path path) {
        StringBuilder pointer = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                pointer.append('/').append(node.getIndex());
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                pointer.append('/').append(node.getName());
            }
        }
        return pointer.toString();
    }

    private static String oneLine(String message) {
        return message == null ? "unreadable" : message.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("^")
                && !line.startsWith("in 'reader'")).collect(Collectors.joining("; "));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable value";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
