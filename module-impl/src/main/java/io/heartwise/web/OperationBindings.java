package io.heartwise.web;

import io.heartwise.auth.AdminTokenFilter;
import io.heartwise.auth.AuthenticationFilter;
import io.heartwise.auth.TokenVerifier;
import io.heartwise.http.ContentCachingFilter;
import io.heartwise.http.ContentRepresentations;
import io.heartwise.http.NoStoreFilter;
import io.heartwise.http.Operation;
import io.heartwise.http.Routes;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.util.Optional;
import java.util.Set;

/**
 * Attaches the rules that depend on what an operation is (who may call it, whether its answers
 * may be cached) to each of the API's resource methods, by the {@link Routes} table: never by a
 * path prefix, and never to a host's methods.
 */
final class OperationBindings implements DynamicFeature {
    private static final String CALLER_REQUIRED =
            "Send Authorization: Bearer <token>, a JWT signed by a registered platform, naming the learner in \"sub\".";
    private static final String TOKEN_REQUIRED = "This server requires a bearer token for every request.";

    private final Set<Class<?>> apiResources;
    private final TokenVerifier verifier;
    private final ContentRepresentations representations;
    private final boolean requireAuthForContent;
    private final AdminTokenFilter adminToken;

    /**
     * @param apiResources the API's resource classes: a host's methods get nothing
     * @param adminToken   the admin operations' authentication, instead of the platforms' tokens
     */
    OperationBindings(Set<Class<?>> apiResources, TokenVerifier verifier, ContentRepresentations representations, boolean requireAuthForContent,
                      AdminTokenFilter adminToken) {
        this.apiResources = Set.copyOf(apiResources);
        this.verifier = verifier;
        this.representations = representations;
        this.requireAuthForContent = requireAuthForContent;
        this.adminToken = adminToken;
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (!apiResources.contains(resource.getResourceClass())) {
            return;
        }
        Optional<Operation> operation = Routes.operationOf(resource.getResourceMethod());
        Operation.Access access = operation.map(Operation::access).orElse(Operation.Access.OPEN);
        switch (access) {
            case CALLER -> {
                context.register(new AuthenticationFilter(verifier, true, CALLER_REQUIRED));
                context.register(new NoStoreFilter());
            }
            case ADMIN -> {
                context.register(adminToken);
                context.register(new NoStoreFilter());
            }
            case CONTENT -> {
                context.register(new AuthenticationFilter(verifier, requireAuthForContent, TOKEN_REQUIRED));
                context.register(new ContentCachingFilter(representations, operation.orElseThrow()));
            }
            case OPEN -> context.register(new AuthenticationFilter(verifier, false, TOKEN_REQUIRED));
        }
    }
}
