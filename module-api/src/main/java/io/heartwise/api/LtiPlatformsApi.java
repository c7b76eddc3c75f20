package io.heartwise.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The LTI 1.3 platforms the tool accepts launches from, for the deployment's administrator: those
 * of the platforms file (read-only here) and those registered at run time, by this API or by LTI
 * Dynamic Registration. Registrations are kept in the database, so every node sharing it sees them
 * (another node within seconds). Every operation needs the deployment's admin token.
 */
@AdminRequired
@Tag(name = "admin", description = "Administering the deployment: the LTI platforms it accepts. Admin token only.")
@Path("admin/lti/platforms")
@Produces(MediaType.APPLICATION_JSON)
public interface LtiPlatformsApi {

    /** @return every platform, by id */
    @GET
    @Operation(operationId = "listPlatforms", summary = "List the LTI platforms the tool accepts launches from",
            description = "The platforms file's platforms (source file) and those registered by this API (admin) or by LTI Dynamic Registration (dynamic), by id.")
    @ApiResponse(responseCode = "200", description = "Every platform", content = @Content(schema = @Schema(implementation = PlatformList.class)))
    @Problems({ProblemType.FORBIDDEN, ProblemType.SERVICE_UNAVAILABLE})
    PlatformList list();

    /** @return the platform; {@code 404 platform-not-found} for an unknown id */
    @GET
    @Path("{platformId}")
    @Operation(operationId = "getPlatform", summary = "Get one LTI platform", description = "The platform with this id, wherever it was registered.")
    @ApiResponse(responseCode = "200", description = "The platform", content = @Content(schema = @Schema(implementation = RegisteredPlatform.class)))
    @Problems({ProblemType.FORBIDDEN, ProblemType.PLATFORM_NOT_FOUND, ProblemType.SERVICE_UNAVAILABLE})
    RegisteredPlatform get(@PathParam("platformId") @Size(max = Slug.MAX_LENGTH, message = Slug.RULE) @Pattern(regexp = Slug.PATTERN, message = Slug.RULE) String platformId);

    /**
     * @return {@code 201} with {@code Location} and the platform; {@code 409 platform-conflict} when
     *         another platform (of the file or registered) has the id, or the issuer and client_id
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerPlatform", summary = "Register an LTI platform",
            description = "Registers a platform by what its LMS shows after the tool was added: issuer, client_id, endpoints, JWKS URL and deployment ids. Launches from it work at once on this node and within seconds on every other.")
    @ApiResponse(responseCode = "201", description = "The platform, registered", content = @Content(schema = @Schema(implementation = RegisteredPlatform.class)),
            headers = @Header(name = "Location", required = true, description = "The platform's own URI", schema = @Schema(type = "string", format = "uri-reference")))
    @Problems({ProblemType.FORBIDDEN, ProblemType.PLATFORM_CONFLICT, ProblemType.SERVICE_UNAVAILABLE})
    Response register(@NotNull(message = "a JSON body with the platform is required") @Valid PlatformRegistration registration);

    /** @return the platform with the deployment; adding one it has already changes nothing */
    @PUT
    @Path("{platformId}/deployments/{deploymentId}")
    @Operation(operationId = "addPlatformDeployment", summary = "Add a deployment id to a registered platform",
            description = "The platform may launch from this deployment of the tool too. Idempotent. A platform of the file is changed in the file, not here (409).")
    @ApiResponse(responseCode = "200", description = "The platform with the deployment", content = @Content(schema = @Schema(implementation = RegisteredPlatform.class)))
    @Problems({ProblemType.FORBIDDEN, ProblemType.PLATFORM_NOT_FOUND, ProblemType.PLATFORM_CONFLICT, ProblemType.SERVICE_UNAVAILABLE})
    RegisteredPlatform addDeployment(@PathParam("platformId") @Size(max = Slug.MAX_LENGTH, message = Slug.RULE) @Pattern(regexp = Slug.PATTERN, message = Slug.RULE) String platformId,
                                     @PathParam("deploymentId") @Size(max = 255, message = PlatformRegistration.DEPLOYMENT_ID)
                                     @Pattern(regexp = PlatformRegistration.DEPLOYMENT_ID_PATTERN, message = PlatformRegistration.DEPLOYMENT_ID) String deploymentId);

    /** @return the platform without the deployment; {@code 404 deployment-not-found} when it had none such */
    @DELETE
    @Path("{platformId}/deployments/{deploymentId}")
    @Operation(operationId = "removePlatformDeployment", summary = "Remove a deployment id from a registered platform",
            description = "Launches from this deployment are refused from now on (on other nodes within seconds). A platform of the file is changed in the file, not here (409).")
    @ApiResponse(responseCode = "200", description = "The platform without the deployment", content = @Content(schema = @Schema(implementation = RegisteredPlatform.class)))
    @Problems({ProblemType.FORBIDDEN, ProblemType.PLATFORM_NOT_FOUND, ProblemType.DEPLOYMENT_NOT_FOUND, ProblemType.PLATFORM_CONFLICT,
            ProblemType.SERVICE_UNAVAILABLE})
    RegisteredPlatform removeDeployment(@PathParam("platformId") @Size(max = Slug.MAX_LENGTH, message = Slug.RULE) @Pattern(regexp = Slug.PATTERN, message = Slug.RULE) String platformId,
                                        @PathParam("deploymentId") @Size(max = 255, message = PlatformRegistration.DEPLOYMENT_ID)
                                        @Pattern(regexp = PlatformRegistration.DEPLOYMENT_ID_PATTERN, message = PlatformRegistration.DEPLOYMENT_ID) String deploymentId);

    /**
     * Deletes a registration: its launches, bearer tokens and launch tokens are refused from now on.
     * The attempts kept under its id stay.
     */
    @DELETE
    @Path("{platformId}")
    @Operation(operationId = "deletePlatform", summary = "Delete a registered LTI platform",
            description = "Launches and tokens of the platform are refused from now on (on other nodes within seconds); its learners' attempts stay. A platform of the file is removed from the file, not here (409).")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @Problems({ProblemType.FORBIDDEN, ProblemType.PLATFORM_NOT_FOUND, ProblemType.PLATFORM_CONFLICT, ProblemType.SERVICE_UNAVAILABLE})
    void delete(@PathParam("platformId") @Size(max = Slug.MAX_LENGTH, message = Slug.RULE) @Pattern(regexp = Slug.PATTERN, message = Slug.RULE) String platformId);
}
