/** Taking quizzes: grading on the server, the attempt policy, and attempts over HTTP. */
package io.heartwise.attempt;
