package io.heartwise.page;

import io.heartwise.api.LearnerReport;

/** All of one learner's attempts that the instructor may see, by quiz, from the report API's learner report. */
public record LearnerResultsPage(PageFrame frame, LearnerReport report) {
}
