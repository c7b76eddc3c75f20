package io.heartwise.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * An LTI 1.3 platform the tool accepts launches from, as the admin API shows it.
 *
 * @param source        {@code file} (the platforms file: read-only here, it wins over the others),
 *                      {@code admin} (this API) or {@code dynamic} (LTI Dynamic Registration)
 * @param tokenEndpoint absent when the platform takes no grades or roster requests
 * @param registeredAt  absent for a platform of the file
 */
public record RegisteredPlatform(String id, String name, String issuer, String clientId, String authorizationEndpoint,
                                 @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String tokenEndpoint,
                                 @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String tokenAudience,
                                 String jwksUrl, List<String> deploymentIds,
                                 @Schema(allowableValues = {"file", "admin", "dynamic"}) String source,
                                 @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) Instant registeredAt) {
    public RegisteredPlatform {
        deploymentIds = List.copyOf(deploymentIds);
    }
}
