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
 * Authentication of one operation, bound to it by the composition root: verifies the bearer
 * token of a request that has one ({@link TokenVerifier#authenticate}) and makes the
 * {@link Caller} the request's principal. Without a token, an operation that needs a caller is a
 * 401 before its body is read or validated, and any other goes on anonymously. A bad token is
 * refused at once. Thread-safe.
 */
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter implements ContainerRequestFilter {
    private final TokenVerifier verifier;
    private final boolean callerRequired;
    private final String requiredDetail;

    /**
     * @param callerRequired whether the operation needs a caller
     * @param requiredDetail what a request without a token is told
     */
    public AuthenticationFilter(TokenVerifier verifier, boolean callerRequired, String requiredDetail) {
        this.verifier = verifier;
        this.callerRequired = callerRequired;
        this.requiredDetail = requiredDetail;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            if (callerRequired) {
                throw new ProblemException(ProblemType.UNAUTHORIZED, requiredDetail);
            }
            return;
        }
        Caller caller = verifier.authenticate(header);
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
