package io.heartwise.openapi;

import io.heartwise.api.ApiDocumentApi;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the OpenAPI document ({@link ApiDocument}), generated the first time it is asked for (to
 * keep start-up fast) and then cached per API base path, which its {@code servers} entry names.
 * Thread-safe.
 */
public final class ApiDocumentResource implements ApiDocumentApi {
    private final List<Class<?>> apis;
    private final Map<String, String> documentsByBasePath = new ConcurrentHashMap<>();

    @Context
    private UriInfo uriInfo;

    /**
     * @param apis the contract's interfaces, in the order the document lists them
     */
    public static ApiDocumentResource of(List<Class<?>> apis) {
        return new ApiDocumentResource(apis);
    }

    // Not public: Jersey inspects a resource's public constructors for injection, and a List<Class<?>> is nothing it can inject.
    private ApiDocumentResource(List<Class<?>> apis) {
        this.apis = List.copyOf(apis);
    }

    @Override
    public Response openApi() {
        // The document's server URL is where the API is: the host's application path, its mount path
        // within it, the WAR's /api/v1; that is, this document's own path without its name.
        String path = uriInfo.getAbsolutePath().getRawPath();
        String basePath = path.substring(0, path.lastIndexOf('/') + 1);
        String document = documentsByBasePath.computeIfAbsent(basePath, base -> ApiDocument.json(apis, base));
        return Response.ok(document).header("Cache-Control", "public, max-age=300").build();
    }
}
