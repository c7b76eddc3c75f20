-- Quiz attempts. One script for H2 (in PostgreSQL mode, see DatabaseSettings) and PostgreSQL, so
-- it keeps to types and syntax both read alike: no partial indexes, no vendor functions.
-- Rows are only ever inserted; reports aggregate them in the database.

CREATE TABLE attempts (
    id              UUID                     NOT NULL,
    platform_id     VARCHAR(255)             NOT NULL,
    learner_id      VARCHAR(255)             NOT NULL,
    -- '' when the token named no context: NULL would make it a second "unknown" in reports.
    context_id      VARCHAR(255)             NOT NULL,
    quiz_id         VARCHAR(64)              NOT NULL,
    quiz_version    VARCHAR(128)             NOT NULL,
    attempt_number  INTEGER                  NOT NULL,
    idempotency_key VARCHAR(128),
    request_hash    VARCHAR(128)             NOT NULL,
    -- WITH TIME ZONE: both store the instant, so neither server's time zone can shift it.
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    score           DOUBLE PRECISION         NOT NULL,
    max_score       DOUBLE PRECISION         NOT NULL,
    -- score / max_score, stored so that reports can average and bucket it without dividing by zero.
    scaled_score    DOUBLE PRECISION         NOT NULL,
    passed          BOOLEAN                  NOT NULL,
    result_json     TEXT                     NOT NULL,
    CONSTRAINT attempts_pk PRIMARY KEY (id),
    CONSTRAINT attempts_positive_number CHECK (attempt_number > 0),
    -- Two concurrent submissions cannot get the same number: the loser retries with the next one.
    -- Also serves list() and the numbering query, and every "by learner" lookup (its prefix).
    CONSTRAINT attempts_number_unique UNIQUE (platform_id, learner_id, quiz_id, attempt_number),
    -- NULL keys are distinct in a UNIQUE constraint on both databases, so attempts without a key
    -- never collide; this is why no partial index (which H2 lacks) is needed.
    CONSTRAINT attempts_idempotency_unique UNIQUE (platform_id, learner_id, idempotency_key)
);

-- Item analysis and exports select one quiz version on one platform over a time range.
CREATE INDEX attempts_by_quiz ON attempts (platform_id, quiz_id, quiz_version, submitted_at);

-- No separate (platform_id, learner_id) index: both unique constraints above start with those
-- columns, so either serves that lookup, and a third copy would only slow inserts.

-- One row per question of the quiz; question_index is the 0-based position in the quiz.
CREATE TABLE attempt_questions (
    attempt_id     UUID             NOT NULL,
    question_index INTEGER          NOT NULL,
    question_id    VARCHAR(64)      NOT NULL,
    question_type  VARCHAR(32)      NOT NULL,
    points         DOUBLE PRECISION NOT NULL,
    max_points     DOUBLE PRECISION NOT NULL,
    correct        BOOLEAN          NOT NULL,
    CONSTRAINT attempt_questions_pk PRIMARY KEY (attempt_id, question_index),
    CONSTRAINT attempt_questions_attempt_fk FOREIGN KEY (attempt_id) REFERENCES attempts (id)
);

-- Facility and discrimination group by question; the attempt id lets the join to attempts (for
-- the filter and the total score) run from this index alone.
CREATE INDEX attempt_questions_by_question ON attempt_questions (question_id, attempt_id);

-- One row per chosen choice, ordered item or matched item; none for an unanswered question.
-- answer_index is the 0-based position within the question's answers.
CREATE TABLE attempt_answers (
    attempt_id   UUID        NOT NULL,
    question_id  VARCHAR(64) NOT NULL,
    answer_index INTEGER     NOT NULL,
    choice_id    VARCHAR(64) NOT NULL,
    -- Ordering only: the 1-based position the learner gave the item.
    position     INTEGER,
    -- Matching only: the category the learner gave the item.
    category_id  VARCHAR(64),
    -- Leads with attempt_id: the export and distractor analysis read answers attempt by attempt.
    CONSTRAINT attempt_answers_pk PRIMARY KEY (attempt_id, question_id, answer_index),
    CONSTRAINT attempt_answers_attempt_fk FOREIGN KEY (attempt_id) REFERENCES attempts (id)
);
