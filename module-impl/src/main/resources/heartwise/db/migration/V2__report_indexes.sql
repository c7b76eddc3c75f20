-- Reports (io.heartwise.report). Same rule as V1: one script for H2 and PostgreSQL.

-- The instructors' attempt list pages through one quiz by submission time across every version
-- (keyset pagination on submitted_at, id); attempts_by_quiz leads with the version instead.
CREATE INDEX attempts_by_quiz_time ON attempts (platform_id, quiz_id, submitted_at, id);
