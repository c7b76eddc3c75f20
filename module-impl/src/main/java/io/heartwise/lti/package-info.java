/**
 * LTI 1.3 Advantage: the tool an LMS installs. Platforms and their deployments, the OIDC login
 * initiation and the launch (the id_token checked as the LTI specification and its certification
 * require), and the launch-scoped token the pages work with afterwards.
 */
package io.heartwise.lti;
