/**
 * Deployment of the plugin: {@link io.heartwise.deploy.StartupListener} mounts the API in the WAR
 * at {@code /api/v1/}, {@link io.heartwise.deploy.ErrorServlet} keeps the container's own errors in
 * the API's problem format, and {@link io.heartwise.deploy.EmbeddedServer} runs the WAR in an
 * embedded Tomcat for those who have no container. The runner's classes are left out of the WAR.
 */
package io.heartwise.deploy;
