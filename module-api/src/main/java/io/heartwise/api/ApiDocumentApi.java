package io.heartwise.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The OpenAPI 3 description of this API, generated from these interfaces at run time. */
@Path("openapi.json")
public interface ApiDocumentApi {

    /** @return the OpenAPI document as JSON */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Response openApi();
}
