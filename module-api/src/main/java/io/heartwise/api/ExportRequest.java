package io.heartwise.api;

import java.util.Objects;

/**
 * What an export holds and how it is written: its query parameters, checked.
 *
 * @param format the file format; {@code null} is {@link ExportFormat#CSV}
 * @param shape  the rows; {@code null} is {@link ExportShape#LONG}
 * @param filter which attempts it covers, as for a quiz report
 */
public record ExportRequest(ExportFormat format, ExportShape shape, QuizFilter filter) {

    public ExportRequest {
        format = format == null ? ExportFormat.CSV : format;
        shape = shape == null ? ExportShape.LONG : shape;
        Objects.requireNonNull(filter, "filter");
    }
}
