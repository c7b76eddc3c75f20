package io.heartwise.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Writes export rows as they come, holding one row at a time: CSV for spreadsheets or JSON Lines
 * for programs. Values are {@code String}, {@code Number}, {@code Boolean}, {@code Instant} or
 * {@code null}. Not thread-safe; one per response.
 */
abstract class ExportWriter implements AutoCloseable {

    /** Characters that make a spreadsheet read a cell as a formula (OWASP's CSV injection list). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    /** @param columns every column, in order; CSV writes them as its first line */
    abstract void header(List<String> columns) throws IOException;

    abstract void row(List<?> values) throws IOException;

    /** Flushes what is buffered; the response stream itself stays open for the container to close. */
    @Override
    public abstract void close() throws IOException;

    static ExportWriter csv(OutputStream out) {
        return new Csv(out);
    }

    static ExportWriter jsonLines(OutputStream out) throws IOException {
        return new JsonLines(out);
    }

    /** A text cell a spreadsheet will show as text: formula starters defused with a leading quote. */
    static String defuse(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** Numbers without exponent or trailing zeros: 3, 2.5, 0.6667. */
    static String number(Number value) {
        if (value instanceof Double || value instanceof Float) {
            double number = value.doubleValue();
            if (number == Math.rint(number) && Math.abs(number) < 1e15) {
                return Long.toString((long) number);
            }
            return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    /** RFC 4180, CRLF line ends, UTF-8 with a byte order mark (Excel reads UTF-8 only with it). */
    private static final class Csv extends ExportWriter {
        private final Writer writer;

        Csv(OutputStream out) {
            this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        }

        @Override
        void header(List<String> columns) throws IOException {
            writer.write('\uFEFF');
            row(columns);
        }

        @Override
        void row(List<?> values) throws IOException {
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    writer.write(',');
                }
                writer.write(cell(values.get(i)));
            }
            writer.write("\r\n");
        }

        private static String cell(Object value) {
            if (value == null) {
                return "";
            }
            if (value instanceof Number number) {
                return number(number);
            }
            if (value instanceof Boolean || value instanceof Instant) {
                return value.toString();
            }
            String text = defuse(value.toString());
            if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                return '"' + text.replace("\"", "\"\"") + '"';
            }
            return text;
        }

        @Override
        public void close() throws IOException {
            writer.flush();
        }
    }

    /** One JSON object per line, typed values, the same names as the CSV columns. */
    private static final class JsonLines extends ExportWriter {
        private final JsonGenerator json;
        private List<String> columns;

        JsonLines(OutputStream out) throws IOException {
            this.json = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out);
            this.json.setRootValueSeparator(null);
        }

        @Override
        void header(List<String> columns) {
            this.columns = List.copyOf(columns);
        }

        @Override
        void row(List<?> values) throws IOException {
            json.writeStartObject();
            for (int i = 0; i < columns.size(); i++) {
                Object value = values.get(i);
                json.writeFieldName(columns.get(i));
                if (value == null) {
                    json.writeNull();
                } else if (value instanceof Integer || value instanceof Long) {
                    json.writeNumber(((Number) value).longValue());
                } else if (value instanceof Number number) {
                    json.writeNumber(new BigDecimal(number(number)));
                } else if (value instanceof Boolean bool) {
                    json.writeBoolean(bool);
                } else {
                    json.writeString(value.toString());
                }
            }
            json.writeEndObject();
            json.writeRaw('\n');
        }

        @Override
        public void close() throws IOException {
            json.flush();
        }
    }
}
