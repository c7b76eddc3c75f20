package io.heartwise.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST admin/lti/platforms}: an LTI 1.3 platform, as its admin reads it off the
 * LMS after adding the tool. A bad field is {@code 422 constraint-violation} with a pointer to it.
 *
 * @param id                    our name for it, a slug: attempts and reports are kept under it
 * @param name                  for people; the id when absent
 * @param issuer                the {@code iss} of its id_tokens ("Platform ID"), an http(s) URL
 * @param clientId              the client_id it gave the tool
 * @param authorizationEndpoint its OIDC authentication request URL
 * @param tokenEndpoint         its OAuth 2 access token URL, for grades and rosters; absent for none
 * @param tokenAudience         the {@code aud} of our client assertions when not the token URL
 *                              (Brightspace: {@code https://api.brightspace.com/auth/token})
 * @param jwksUrl               where it publishes its public keys
 * @param deploymentIds         the deployments of the tool it may launch from, at least one
 */
public record PlatformRegistration(
        @NotNull(message = Slug.RULE) @Size(max = Slug.MAX_LENGTH, message = Slug.RULE) @Pattern(regexp = Slug.PATTERN, message = Slug.RULE) String id,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Size(max = 200, message = "must be at most 200 characters") String name,
        @NotNull(message = HTTP_URL) @Size(max = 1000, message = "must be at most 1000 characters") @Pattern(regexp = HTTP_URL_PATTERN, message = HTTP_URL) String issuer,
        @NotBlank(message = "must be the client_id the platform gave the tool") @Size(max = 255, message = "must be at most 255 characters") String clientId,
        @NotNull(message = HTTP_URL) @Size(max = 2048, message = "must be at most 2048 characters") @Pattern(regexp = HTTP_URL_PATTERN, message = HTTP_URL) String authorizationEndpoint,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Size(max = 2048, message = "must be at most 2048 characters") @Pattern(regexp = HTTP_URL_PATTERN, message = HTTP_URL) String tokenEndpoint,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Size(max = 2048, message = "must be at most 2048 characters") String tokenAudience,
        @NotNull(message = HTTP_URL) @Size(max = 2048, message = "must be at most 2048 characters") @Pattern(regexp = HTTP_URL_PATTERN, message = HTTP_URL) String jwksUrl,
        @NotNull(message = DEPLOYMENTS) @Size(min = 1, max = 100, message = DEPLOYMENTS)
        List<@NotNull(message = DEPLOYMENT_ID) @Size(min = 1, max = 255, message = DEPLOYMENT_ID) @Pattern(regexp = DEPLOYMENT_ID_PATTERN, message = DEPLOYMENT_ID) String> deploymentIds) {

    /** An absolute http or https URL with a host, no spaces, no fragment. */
    public static final String HTTP_URL_PATTERN = "https?://[^\\s/?#@]+(?:[/?][^\\s#]*)?";
    public static final String HTTP_URL = "must be an http(s) URL, e.g. https://lms.example.edu/...";
    /** What a deployment id is: printable text without spaces, as platforms give them (Moodle: "1"; Canvas: "12:8865aa05..."). */
    public static final String DEPLOYMENT_ID_PATTERN = "[\\x21-\\x7E]+";
    public static final String DEPLOYMENT_ID = "must be 1 to 255 printable characters without spaces";
    public static final String DEPLOYMENTS = "list 1 to 100 deployment ids";
}
