package io.heartwise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a spreadsheet or a program gets from an export writer. */
class ExportWriterTest {

    @Test
    void everyFormulaStarterIsDefusedWithALeadingQuote() throws IOException {
        for (String cell : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            String line = csv(List.of("value"), Arrays.asList(cell)).split("\r\n")[1];
            String expected = cell.startsWith("\r") ? "\"'" + cell + "\"" : "'" + cell;
            assertEquals(expected, line, "cell " + cell.replace("\t", "\\t").replace("\r", "\\r"));
        }
        assertEquals("a=b", csv(List.of("value"), Arrays.asList("a=b")).split("\r\n")[1], "only a leading starter matters");
    }

    @Test
    void quotesCommasAndLineBreaksAreQuotedPerRfc4180() throws IOException {
        String csv = csv(List.of("a", "b", "c"), Arrays.asList("say \"hi\"", "x,y", "two\nlines"));
        assertEquals("\uFEFFa,b,c\r\n\"say \"\"hi\"\"\",\"x,y\",\"two\nlines\"\r\n", csv);
    }

    @Test
    void numbersBooleansInstantsAndNullsAreWrittenPlainly() throws IOException {
        String csv = csv(List.of("n", "d", "b", "t", "none", "text"),
                Arrays.asList(3, 2.5, true, Instant.parse("2026-01-01T00:00:00Z"), null, "é ü 日本"));
        assertEquals("3,2.5,true,2026-01-01T00:00:00Z,,é ü 日本", csv.split("\r\n")[1]);
        assertEquals("1", ExportWriter.number(1.0));
        assertEquals("0.6667", ExportWriter.number(0.6667));
    }

    @Test
    void jsonLinesKeepValuesAsTheyAreOneObjectPerLine() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExportWriter writer = ExportWriter.jsonLines(out)) {
            writer.header(List.of("name", "score", "passed", "missing"));
            writer.row(Arrays.asList("=evil", 2.5, false, null));
            writer.row(Arrays.asList("b", 1.0, true, null));
        }
        assertEquals("{\"name\":\"=evil\",\"score\":2.5,\"passed\":false,\"missing\":null}\n"
                + "{\"name\":\"b\",\"score\":1,\"passed\":true,\"missing\":null}\n", out.toString(StandardCharsets.UTF_8));
    }

    private static String csv(List<String> header, List<?> row) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExportWriter writer = ExportWriter.csv(out)) {
            writer.header(header);
            writer.row(row);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
