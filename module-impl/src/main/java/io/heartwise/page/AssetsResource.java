package io.heartwise.page;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Objects;

/**
 * Serves the pages' own script and style sheet, and the embed script for host pages. An asset
 * asked for by its current fingerprint may be kept by any cache for a year; by another (a page
 * from before an upgrade), it is served but revalidated. Thread-safe.
 */
@Path("assets/{fingerprint}/{name}")
public final class AssetsResource {
    private static final String FOREVER = "public, max-age=31536000, immutable";

    private final Assets assets;

    public AssetsResource(Assets assets) {
        this.assets = Objects.requireNonNull(assets, "assets");
    }

    @GET
    public Response get(@PathParam("fingerprint") String fingerprint, @PathParam("name") String name) {
        Assets.Asset asset = assets.asset(name).orElseThrow(NotFoundException::new);
        return Response.ok(asset.bytes(), asset.mediaType())
                .header("Cache-Control", asset.fingerprint().equals(fingerprint) ? FOREVER : "no-cache")
                .header("ETag", "\"" + asset.fingerprint() + "\"")
                // Host pages load embed.js from here; a host that isolates itself (COEP) may still.
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .build();
    }
}
