/** Lessons and their sections over HTTP. */
package io.heartwise.lesson;
