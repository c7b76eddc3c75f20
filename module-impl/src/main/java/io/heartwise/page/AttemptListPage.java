package io.heartwise.page;

import io.heartwise.api.AttemptPage;

/**
 * A page of one quiz's attempts, as the report API lists them.
 *
 * @param learner the learner filtered on, or {@code null}
 * @param page    the attempts and the cursor of the next page
 */
public record AttemptListPage(PageFrame frame, String quizId, String title, String learner, StaffFilters filters, AttemptPage page) {

    /** @return the page's own query for the next page, keeping the filters */
    public String nextQuery() {
        String query = filters.pageQuery();
        StringBuilder next = new StringBuilder(query.isEmpty() ? "?" : query + "&");
        if (learner != null) {
            next.append("learner=").append(java.net.URLEncoder.encode(learner, java.nio.charset.StandardCharsets.UTF_8)).append('&');
        }
        return next.append("after=").append(page.next()).toString();
    }
}
