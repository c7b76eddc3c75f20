package io.heartwise.auth;

import io.heartwise.api.ProblemType;
import io.heartwise.problem.ProblemException;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Set;

/**
 * A verified caller: the platform that signed the token, the learner it names, the course or
 * context it was issued for, and the roles it grants.
 *
 * @param contextId the course or context; empty when the token names none
 */
public record Caller(String platformId, String learnerId, String contextId, Set<Role> roles) implements Principal {

    /** Roles a token can grant. */
    public enum Role { LEARNER, INSTRUCTOR, ADMIN }

    public Caller {
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return platformId + "/" + learnerId;
    }

    /** @return whether the caller may see other learners' results (in their platform and context) */
    public boolean isStaff() {
        return roles.contains(Role.INSTRUCTOR) || roles.contains(Role.ADMIN);
    }

    /**
     * @return the verified caller of the current request
     * @throws ProblemException {@code 401 unauthorized} when the request carries no valid token
     */
    public static Caller of(SecurityContext context) {
        if (context != null && context.getUserPrincipal() instanceof Caller caller) {
            return caller;
        }
        throw new ProblemException(ProblemType.UNAUTHORIZED,
                "Send Authorization: Bearer <token>, a JWT signed by a registered platform, naming the learner in \"sub\".");
    }
}
