package io.heartwise.api;

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
    Response jwks();
}
