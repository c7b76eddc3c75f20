-- Reports (io.heartwise.report). Same rule as V1: one script for H2 and PostgreSQL.

-- What item analysis needs of an attempt, in the attempt's own row, so that a quiz report reads
-- one narrow pass over attempts instead of joining millions of question and answer rows. Written
-- once by the insert that writes the row, so no submission ever updates a shared row (and none
-- waits on another's lock). The layout (question id, type, max points per position) is not
-- repeated: a quiz version is the hash of its content, so the version fixes it.
--
-- Format, a plain string both databases store alike: per question in quiz order, separated by
-- ';', the points in hundredths, then per chosen answer in answer order ',' choice id, '@' the
-- position (ordering only) and '=' the category id (matching only). A quiz without questions
-- is ''. Example: "100,first;0,b@2,a@1;50,x=left,y=right".
--
-- NULL when an id holds one of ';,@=' (ids are slugs, so never in practice) and on rows written
-- before this migration: no backfill, reports fall back to the joins for a scope with any such row.
ALTER TABLE attempts ADD COLUMN item_summary TEXT;

-- The report's learner count (distinct learners under the filters) from the index alone, in
-- learner order, instead of hashing every row's learner id: one more entry per insert, in an
-- index no two submissions contend on more than on the others.
CREATE INDEX attempts_by_version_learner ON attempts (platform_id, quiz_id, quiz_version, learner_id, context_id, submitted_at);
