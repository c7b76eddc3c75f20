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
    public enum Role {
        LEARNER, INSTRUCTOR, ADMIN;

        /**
         * The one mapping of a platform's role names to ours: LTI's full URIs (the part after
         * {@code #} counts, so context, institution and system roles alike) and short names such as
         * {@code Instructor}; a teaching assistant teaches. A name we do not know grants nothing, and
         * a caller granted nothing is a learner: a launch never needs a known role.
         */
        public static Set<Role> named(java.util.Collection<?> names) {
            Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
            for (Object name : names) {
                String text = String.valueOf(name).toLowerCase(java.util.Locale.ROOT);
                String role = text.substring(text.lastIndexOf('#') + 1);
                switch (role) {
                    case "instructor", "teachingassistant" -> roles.add(INSTRUCTOR);
                    case "admin", "administrator" -> roles.add(ADMIN);
                    case "learner", "student" -> roles.add(LEARNER);
                    default -> {
                        // Mentor, ContentDeveloper, Guest, a platform's own: no rights of ours.
                    }
                }
            }
            if (roles.isEmpty()) {
                roles.add(LEARNER);
            }
            return roles;
        }
    }

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
