package io.heartwise.page;

import io.heartwise.api.QuizReport;

/**
 * An instructor's page of one quiz's results, from the report the API serves for the same filters.
 *
 * @param title     the quiz's title
 * @param filters   the filters as the instructor set them
 * @param apiQuery  the report API's query for them (export buttons, and anyone comparing)
 * @param histogram the score histogram's geometry
 * @param scatter   the facility-against-discrimination plot's geometry
 */
public record QuizResultsPage(PageFrame frame, QuizReport report, String title, StaffFilters filters, String apiQuery,
                              Charts.Histogram histogram, Charts.Scatter scatter) {

    /** @return the number of questions flagged for review */
    public long dubiousCount() {
        return report.questions().stream().filter(QuizReport.QuestionStatistics::dubious).count();
    }
}
