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

/** The OpenAPI 3 description of this API, generated from these interfaces at run time. */
@Tag(name = "openapi", description = "This document.")
@Path("openapi.json")
public interface ApiDocumentApi {

    /** @return the OpenAPI document as JSON */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getOpenApiDocument", summary = "Get this OpenAPI document",
            description = "This OpenAPI 3.0.3 document, generated from the contract's interfaces; its servers entry is the API root it was fetched from.")
    @ApiResponse(responseCode = "200", description = "The OpenAPI 3.0 document",
            content = @Content(schema = @Schema(type = "object", description = "An OpenAPI 3.0.3 document")))
    Response openApi();
}
