package io.heartwise.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Liveness and readiness, for load balancers and platform admins. Never cached. */
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
    Response health();
}
