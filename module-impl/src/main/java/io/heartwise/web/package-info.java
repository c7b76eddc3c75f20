/**
 * The composition root: {@link io.heartwise.web.Heartwise} starts everything the plugin runs on,
 * {@link io.heartwise.web.HeartwiseApplication} wires it into a Jersey application, and
 * {@link io.heartwise.web.HeartwiseFeature} into a host's, under a mount path
 * ({@code MountedResources}). Nothing else imports this package.
 */
package io.heartwise.web;
