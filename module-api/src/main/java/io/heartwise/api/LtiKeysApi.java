package io.heartwise.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The tool's public keys for LTI 1.3 platforms: the URL an LMS admin pastes as the tool's
 * "public keyset URL". Platforms verify with them what the tool signs (Deep Linking responses,
 * the client assertions of grade and roster requests).
 */
@Tag(name = "lti", description = "LTI 1.3: the tool's keys and the grades sent to platforms.")
@Path("lti/jwks")
@Produces(MediaType.APPLICATION_JSON)
public interface LtiKeysApi {

    /**
     * @return {@code 200} with a JSON Web Key Set (RFC 7517): {@code {"keys": [...]}}, each key an
     *         RSA public key with {@code kty}, {@code kid}, {@code alg} ({@code RS256}), {@code use}
     *         ({@code sig}), {@code n} and {@code e}. During a key rotation it holds the next key
     *         before that key signs anything, and the previous key until what it signed has expired.
     *         Cacheable for five minutes.
     */
    @GET
    @Operation(operationId = "getToolKeys", summary = "Get the tool's public keys (JWKS) for LTI platforms",
            description = "The JSON Web Key Set an LMS admin pastes as the tool's public keyset URL: RSA keys with kid, alg RS256 and use sig. Cacheable for five minutes.")
    @ApiResponse(responseCode = "200", description = "The tool's JSON Web Key Set",
            content = @Content(schema = @Schema(type = "object", description = "A JSON Web Key Set (RFC 7517): {\"keys\": [...]}")))
    Response jwks();
}
