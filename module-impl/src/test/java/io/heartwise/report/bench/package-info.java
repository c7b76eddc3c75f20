/**
 * The report benchmark ({@code bench/report-bench.sh}): a generator that loads attempts straight
 * into PostgreSQL and a timer for the quiz report and the CSV export. Not a test; run by the script
 * with the test classpath.
 */
package io.heartwise.report.bench;
