/** Quizzes as learners see them before answering. */
package io.heartwise.quiz;
