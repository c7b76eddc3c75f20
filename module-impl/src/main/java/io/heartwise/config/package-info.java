/**
 * Settings of the web layer, read from a lookup (init parameters, system properties, environment)
 * and validated once, and {@link io.heartwise.config.SettingsException}, which every setting's
 * owner throws for a value it cannot work with.
 */
package io.heartwise.config;
