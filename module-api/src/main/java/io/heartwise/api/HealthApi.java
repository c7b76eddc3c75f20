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

/** Liveness and readiness, for load balancers and platform admins. Never cached. */
@Tag(name = "health", description = "Liveness and readiness.")
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public interface HealthApi {

    /**
     * Reports whether the plugin can serve requests.
     *
     * @return {@code 200} with a {@link Health} whose status is {@code UP}, or {@code 503} with the
     *         same body shape and status {@code DOWN} naming the failing check
     */
    @GET
    @Operation(operationId = "getHealth", summary = "Tell whether the plugin can serve requests",
            description = "200 when the catalog is loaded and the database reachable; 503 with the same body naming the failing check otherwise. Never cached.")
    @ApiResponse(responseCode = "200", description = "Every check is up", content = @Content(schema = @Schema(implementation = Health.class)))
    @ApiResponse(responseCode = "503", description = "A check is down; the body names it",
            content = @Content(schema = @Schema(implementation = Health.class)))
    Response health();
}
