package io.heartwise.auth;

import io.heartwise.api.ProblemType;
import io.heartwise.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Locale;

/**
 * Verifies the bearer token of a request that has one and makes the {@link Caller} the request's
 * principal. A request without a token goes on anonymously (reading content is open unless
 * {@code requireForContent}); operations that need a caller ask {@link Caller#of} and get a 401.
 * A request with a bad token is refused at once.
 */
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter implements ContainerRequestFilter {
    private final TokenVerifier verifier;
    private final boolean requireForContent;

    public AuthenticationFilter(TokenVerifier verifier, boolean requireForContent) {
        this.verifier = verifier;
        this.requireForContent = requireForContent;
    }

    /** Attempts and reports are always about someone: they need a caller whatever the settings. */
    static boolean needsCaller(String path) {
        return path.startsWith("attempts") || path.startsWith("reports")
                || (path.startsWith("quizzes/") && (path.endsWith("/attempts") || path.endsWith("/attempts/")));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            String path = request.getUriInfo().getPath();
            if (needsCaller(path)) {
                // Before the body is read or validated: who is asking comes first.
                throw new ProblemException(ProblemType.UNAUTHORIZED,
                        "Send Authorization: Bearer <token>, a JWT signed by a registered platform, naming the learner in \"sub\".");
            }
            if (requireForContent && !path.startsWith("health") && !path.startsWith("openapi.json") && !path.startsWith("demo/")) {
                throw new ProblemException(ProblemType.UNAUTHORIZED, "This server requires a bearer token for every request.");
            }
            return;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "The Authorization header must be \"Bearer <token>\".");
        }
        Caller caller = verifier.verify(header.substring(7).strip());
        boolean secure = "https".equals(request.getUriInfo().getRequestUri().getScheme().toLowerCase(Locale.ROOT));
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return caller;
            }

            @Override
            public boolean isUserInRole(String role) {
                return caller.roles().stream().anyMatch(granted -> granted.name().equalsIgnoreCase(role));
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        });
    }
}
