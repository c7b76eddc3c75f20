/**
 * Instructor reports: quiz results and item analysis (Moodle's quiz statistics, aggregated in the
 * database), attempt lists, a learner's attempts with the ones their quiz's policy counts, lesson
 * progress, and streamed CSV / JSON Lines exports. Staff only, and always scoped to the caller's
 * platform and, for instructors, to their context.
 */
package io.heartwise.report;
