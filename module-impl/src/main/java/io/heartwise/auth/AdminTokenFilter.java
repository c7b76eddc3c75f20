package io.heartwise.auth;

import io.heartwise.api.ProblemType;
import io.heartwise.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Authentication of the admin operations, bound to them by the composition root instead of
 * {@link AuthenticationFilter}: the request must carry the deployment's admin token, whose SHA-256
 * is configured, compared in constant time. Platform-signed tokens are never read here, so no
 * platform, whatever roles it grants, administers the tool. Without a configured hash every admin
 * operation is {@code 403}: the API is off. Thread-safe.
 */
@Priority(Priorities.AUTHENTICATION)
public final class AdminTokenFilter implements ContainerRequestFilter {
    private static final String BEARER = "Bearer ";

    private final byte[] expectedSha256;
    private final String settingName;

    /**
     * @param sha256Hex   the SHA-256 of the admin token in hex; {@code null} when the admin API is off
     * @param settingName the setting that configures it, for the detail of a 403
     */
    public AdminTokenFilter(String sha256Hex, String settingName) {
        this.expectedSha256 = sha256Hex == null ? null : HexFormat.of().parseHex(sha256Hex);
        this.settingName = settingName;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (expectedSha256 == null) {
            throw new ProblemException(ProblemType.FORBIDDEN, "The admin API is off on this server: its administrator sets "
                    + settingName + " to the SHA-256 of an admin token to turn it on.");
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length()) || header.length() <= BEARER.length()) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "Send Authorization: Bearer <admin token>, the deployment's admin token.");
        }
        byte[] sent = sha256(header.substring(BEARER.length()).strip());
        if (!MessageDigest.isEqual(sent, expectedSha256)) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "That is not this deployment's admin token (a platform's token never is).");
        }
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
