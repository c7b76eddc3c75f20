package io.heartwise.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/**
 * Instructor reports: results, item analysis, progress and exports. Every operation needs
 * {@code Authorization: Bearer <token>} (no token or a bad one: {@code 401 unauthorized}) whose
 * roles include {@code instructor} or {@code admin}; a learner token is {@code 403 forbidden}.
 *
 * <p>Scope: everything is limited to the token's platform; another platform's attempts are
 * invisible (they count as none). An instructor sees only the context (course) their token names:
 * {@code context} defaults to it, naming another is {@code 403 forbidden}, and an instructor token
 * that names no context is {@code 403} too. An admin sees every context of the platform, or one
 * with {@code context}.
 *
 * <p>Common query parameters, each {@code 400 invalid-parameter} naming the parameter when bad
 * ({@link InvalidParameterException}): {@code from} and {@code to} are ISO-8601 instants
 * ({@code 2026-01-31T00:00:00Z}) within {@link InstantRange} bounding the submission time, {@code from} inclusive and
 * {@code to} exclusive; {@code context} names a course or context, an {@link ExternalId}. Each operation's query
 * parameters make one checked record ({@link QuizFilter}, {@link AttemptListFilter},
 * {@link LessonFilter}, {@link ExportRequest}), so a bad parameter is answered before the caller's
 * roles or the quiz are looked at; only {@code context} and the {@code after} cursor, which depend
 * on the caller, are checked after them. Report responses are {@code Cache-Control: no-store}.
 */
@CallerRequired
@Tag(name = "reports", description = "Instructor reports and exports (instructor or admin token).")
@Problems({ProblemType.FORBIDDEN, ProblemType.SERVICE_UNAVAILABLE})
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
public interface ReportsApi {

    /** Media type of a CSV export. */
    String TEXT_CSV = "text/csv";

    /** Media type of a JSON Lines export: one JSON object per line. */
    String APPLICATION_JSONL = "application/jsonl";

    /**
     * Results and item analysis of one version of a quiz. The statistics are aggregated in the
     * database, never over attempts held in memory; see {@link QuizReport} for every formula.
     *
     * @param quizId   the quiz; unknown: {@code 404 quiz-not-found}
     * @param context  the course or context; see the scope rules above
     * @param from     earliest submission, inclusive
     * @param to       latest submission, exclusive; not after {@code from}: {@code 400}
     * @param attempts which attempts count: {@code all} (default), {@code first}, {@code last} or {@code best}
     *                 per learner
     * @param version  the quiz version (content hash, as in {@link QuizReport#versions()}); default: the
     *                 version published now. A version without attempts gives an empty report
     * @return the report, stating the version and the filters it used
     * @see QuizFilter
     */
    @GET
    @Path("quizzes/{quizId}")
    @Operation(operationId = "getQuizReport", summary = "Get the results and item analysis of one version of a quiz",
            description = "Summary, histogram, test statistics and item analysis per question and per choice of one version of a quiz, computed in the database. Instructor or admin token.")
    @ApiResponse(responseCode = "200", description = "The report", content = @Content(schema = @Schema(implementation = QuizReport.class)))
    @Problems(ProblemType.QUIZ_NOT_FOUND)
    QuizReport quiz(@PathParam("quizId") @Pattern(regexp = Slug.PATTERN, message = Slug.RULE)
                    @Size(max = Slug.MAX_LENGTH, message = Slug.RULE) String quizId,
                    @Parameter(description = "The course or context; see the scope rules", schema = @Schema(minLength = 1, maxLength = ExternalId.MAX_LENGTH, pattern = ExternalId.PORTABLE_PATTERN)) @QueryParam("context") String context,
                    @QueryParam("from") @ConvertedParameter Instant from,
                    @QueryParam("to") @ConvertedParameter Instant to,
                    @QueryParam("attempts") @ConvertedParameter @DefaultValue("all") CountedAttempts attempts,
                    @Parameter(description = "A quiz version (content hash)", schema = @Schema(minLength = 1, maxLength = ParameterRules.MAX_VERSION_LENGTH, pattern = ParameterRules.VERSION_PATTERN)) @QueryParam("version") String version);

    /**
     * Lists the attempts at a quiz, every version, oldest submission first, a page at a time.
     *
     * @param quizId  the quiz; unknown: {@code 404 quiz-not-found}
     * @param context the course or context; see the scope rules above
     * @param learner only this learner's attempts
     * @param version only attempts at this quiz version
     * @param from    earliest submission, inclusive
     * @param to      latest submission, exclusive
     * @param after   the {@code next} cursor of the previous page; a cursor that was not issued: {@code 400}
     * @param limit   page size, 1 to 500, default 50
     * @return the page, and a cursor for the next one
     * @see AttemptListFilter
     */
    @GET
    @Path("quizzes/{quizId}/attempts")
    @Operation(operationId = "listQuizAttempts", summary = "List every attempt at a quiz, a page at a time",
            description = "Every attempt at the quiz, every version, oldest submission first, paged by the cursor of the previous page. Instructor or admin token.")
    @ApiResponse(responseCode = "200", description = "One page of attempts", content = @Content(schema = @Schema(implementation = AttemptPage.class)))
    @Problems(ProblemType.QUIZ_NOT_FOUND)
    AttemptPage attempts(@PathParam("quizId") @Pattern(regexp = Slug.PATTERN, message = Slug.RULE)
                         @Size(max = Slug.MAX_LENGTH, message = Slug.RULE) String quizId,
                         @Parameter(description = "The course or context; see the scope rules", schema = @Schema(minLength = 1, maxLength = ExternalId.MAX_LENGTH, pattern = ExternalId.PORTABLE_PATTERN)) @QueryParam("context") String context,
                         @Parameter(description = "Only this learner's attempts", schema = @Schema(minLength = 1, maxLength = ExternalId.MAX_LENGTH, pattern = ExternalId.PORTABLE_PATTERN)) @QueryParam("learner") String learner,
                         @Parameter(description = "A quiz version (content hash)", schema = @Schema(minLength = 1, maxLength = ParameterRules.MAX_VERSION_LENGTH, pattern = ParameterRules.VERSION_PATTERN)) @QueryParam("version") String version,
                         @QueryParam("from") @ConvertedParameter Instant from,
                         @QueryParam("to") @ConvertedParameter Instant to,
                         @Parameter(description = "The next cursor of the previous page, unchanged", schema = @Schema(minLength = 1)) @QueryParam("after") String after,
                         @Parameter(description = "Page size", schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "" + AttemptListFilter.MAX_LIMIT, defaultValue = "" + AttemptListFilter.DEFAULT_LIMIT))
                         @QueryParam("limit") @ConvertedParameter @DefaultValue("" + AttemptListFilter.DEFAULT_LIMIT) Integer limit);

    /**
     * Exports the attempts at one version of a quiz, streamed as it is read from the database
     * (constant memory whatever the size), as an attachment ({@code Content-Disposition} names the
     * file). UTF-8; CSV starts with a byte order mark so that spreadsheets read it as UTF-8, uses
     * CRLF line ends and RFC 4180 quoting, and every text cell that starts with {@code = + - @},
     * a tab or a carriage return is prefixed with {@code '} so that no spreadsheet runs it as a
     * formula. The first CSV line names every column; a JSON Lines object has the same names.
     *
     * <p>Columns of both shapes: {@code attempt_id, learner_id, context_id, quiz_id, quiz_version,
     * attempt_number, started_at, submitted_at, score, max_score, scaled_score, passed}. Then
     * {@code shape=long} (one row per attempt × question × chosen answer; an unanswered question
     * has one row with empty answer columns) adds {@code question_position, question_id,
     * question_type, points, max_points, correct, answer_position, choice_id, order_position,
     * category_id}; {@code shape=attempts} (one row per attempt) adds one column per question,
     * {@code q<position>_<questionId>}, holding the points scored.
     * Where the platform's roster of the export's context is known (LTI Names and Role Provisioning;
     * for an admin's export of every context, any roster of the platform), {@code learner_name}
     * follows {@code learner_id}: the name the roster of the attempt's own context gives, empty when
     * it names none. Without a roster the column is left out.
     *
     * @param quizId   the quiz; unknown: {@code 404 quiz-not-found}
     * @param format   {@code csv} (default) or {@code jsonl}
     * @param shape    {@code long} (default) or {@code attempts}
     * @param context  the course or context; see the scope rules above
     * @param version  the quiz version; default: the version published now
     * @param from     earliest submission, inclusive
     * @param to       latest submission, exclusive
     * @param attempts {@code all} (default), {@code first}, {@code last} or {@code best} per learner,
     *                 as for {@link #quiz}
     * @return {@code 200} with the file, rows ordered by submission time. The database failing before
     *         the first bytes are sent is {@code 503 service-unavailable}; after them the response has
     *         begun as {@code 200}, and the file ends where the failure stopped it
     * @see ExportRequest
     */
    @GET
    @Path("quizzes/{quizId}/export")
    @Operation(operationId = "exportQuizAttempts", summary = "Export the attempts at one version of a quiz as CSV or JSON Lines",
            description = "The attempts at one version of a quiz as CSV (RFC 4180, with a byte order mark, formula-injection safe) or JSON Lines, in constant memory. A failure after the first bytes ends the file early.")
    @ApiResponse(responseCode = "200", description = "The file, streamed",
            content = {@Content(mediaType = TEXT_CSV, schema = @Schema(type = "string", format = "binary")),
                       @Content(mediaType = APPLICATION_JSONL, schema = @Schema(type = "string", format = "binary"))},
            headers = @Header(name = "Content-Disposition", required = true, description = "attachment, naming the file",
                    schema = @Schema(type = "string", pattern = "^attachment; filename=\"[^\"]+\"$")))
    @Problems(ProblemType.QUIZ_NOT_FOUND)
    @Produces({TEXT_CSV, APPLICATION_JSONL, MediaType.APPLICATION_JSON})
    Response export(@PathParam("quizId") @Pattern(regexp = Slug.PATTERN, message = Slug.RULE)
                    @Size(max = Slug.MAX_LENGTH, message = Slug.RULE) String quizId,
                    @QueryParam("format") @ConvertedParameter @DefaultValue("csv") ExportFormat format,
                    @QueryParam("shape") @ConvertedParameter @DefaultValue("long") ExportShape shape,
                    @Parameter(description = "The course or context; see the scope rules", schema = @Schema(minLength = 1, maxLength = ExternalId.MAX_LENGTH, pattern = ExternalId.PORTABLE_PATTERN)) @QueryParam("context") String context,
                    @Parameter(description = "A quiz version (content hash)", schema = @Schema(minLength = 1, maxLength = ParameterRules.MAX_VERSION_LENGTH, pattern = ParameterRules.VERSION_PATTERN)) @QueryParam("version") String version,
                    @QueryParam("from") @ConvertedParameter Instant from,
                    @QueryParam("to") @ConvertedParameter Instant to,
                    @QueryParam("attempts") @ConvertedParameter @DefaultValue("all") CountedAttempts attempts);

    /**
     * Every attempt of one learner across all quizzes, each saying whether the quiz's grading
     * policy counts it. A learner without visible attempts has an empty report (not a {@code 404}),
     * so that nothing tells whether they exist elsewhere.
     *
     * @param learnerId the learner ({@code sub} of their token), an {@link ExternalId}
     * @param context   the course or context; see the scope rules above
     * @return the learner's attempts by quiz
     */
    @GET
    @Path("learners/{learnerId}")
    @Operation(operationId = "getLearnerReport", summary = "Get every attempt of one learner across quizzes",
            description = "Every attempt of one learner across quizzes, each saying whether the grading policy counts it. A learner without visible attempts has an empty report, not a 404.")
    @ApiResponse(responseCode = "200", description = "The learner's attempts by quiz", content = @Content(schema = @Schema(implementation = LearnerReport.class)))
    LearnerReport learner(@Parameter(schema = @Schema(minLength = 1, maxLength = ExternalId.MAX_LENGTH, pattern = ExternalId.PORTABLE_PATTERN))
                          @PathParam("learnerId") @NotBlank(message = ExternalId.RULE)
                          @Size(max = ExternalId.MAX_LENGTH, message = ExternalId.RULE) String learnerId,
                          @Parameter(description = "The course or context; see the scope rules", schema = @Schema(minLength = 1, maxLength = ExternalId.MAX_LENGTH, pattern = ExternalId.PORTABLE_PATTERN)) @QueryParam("context") String context);

    /**
     * Progress through a lesson: per section quiz, how many learners attempted it, their mean
     * best score and pass rate, and how many stopped there.
     *
     * @param lessonId the lesson; unknown: {@code 404 lesson-not-found}
     * @param context  the course or context; see the scope rules above
     * @param from     earliest submission, inclusive
     * @param to       latest submission, exclusive
     * @return the roll-up, sections in lesson order
     * @see LessonFilter
     */
    @GET
    @Path("lessons/{lessonId}")
    @Operation(operationId = "getLessonReport", summary = "Get the progress of learners through a lesson",
            description = "Per section quiz of the lesson: learners, attempts, mean best score, pass rate, and how many learners stopped there.")
    @ApiResponse(responseCode = "200", description = "The roll-up, sections in lesson order", content = @Content(schema = @Schema(implementation = LessonReport.class)))
    @Problems(ProblemType.LESSON_NOT_FOUND)
    LessonReport lesson(@PathParam("lessonId") @Pattern(regexp = Slug.PATTERN, message = Slug.RULE)
                        @Size(max = Slug.MAX_LENGTH, message = Slug.RULE) String lessonId,
                        @Parameter(description = "The course or context; see the scope rules", schema = @Schema(minLength = 1, maxLength = ExternalId.MAX_LENGTH, pattern = ExternalId.PORTABLE_PATTERN)) @QueryParam("context") String context,
                        @QueryParam("from") @ConvertedParameter Instant from,
                        @QueryParam("to") @ConvertedParameter Instant to);
}
