package com.example.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ParamException;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * A host platform's own Jersey application, outside Heartwise's packages, as a platform developer
 * already has it: snake_case JSON without java.time support, its own exception mapper, Basic
 * authentication, a root {@code /health} and {@code /reports/sales}, uploads, its own conversion
 * of instant parameters, and Bean Validation of its parameters and bodies.
 */
public final class HostApplication {
    public static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("ops:secret".getBytes(StandardCharsets.UTF_8));

    private HostApplication() {
    }

    /** @return a new instance of the host's application, without Heartwise */
    public static ResourceConfig resourceConfig() {
        return new ResourceConfig().register(JacksonFeature.class).register(SnakeCaseJson.class).register(HostErrors.class)
                .register(HostBasicAuth.class).register(HostInstants.class).register(HostResource.class);
    }


    /** The host's JSON: snake_case, and none of Jackson's java.time support. */
    public static final class SnakeCaseJson implements ContextResolver<ObjectMapper> {
        private final ObjectMapper mapper = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

        @Override
        public ObjectMapper getContext(Class<?> type) {
            return mapper;
        }
    }

    /** The host's errors: its own JSON for anything its code throws and for a parameter it cannot read; Jersey's answers for routing. */
    public static final class HostErrors implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException exception) {
            if (exception instanceof ParamException parameter) {
                return Response.status(400).type(MediaType.APPLICATION_JSON)
                        .entity(Map.of("host_bad_parameter", parameter.getParameterName(), "because", String.valueOf(parameter.getCause()))).build();
            }
            if (exception instanceof WebApplicationException web) {
                return web.getResponse();
            }
            return Response.serverError().type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("host_error", exception.getClass().getSimpleName())).build();
        }
    }

    /** The host's Basic authentication of its {@code private} resource. */
    public static final class HostBasicAuth implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            if (request.getUriInfo().getPath().startsWith("private") && !BASIC.equals(request.getHeaderString("Authorization"))) {
                request.abortWith(Response.status(401).header("WWW-Authenticate", "Basic realm=\"host\"").build());
            }
        }
    }

    /** The host's own instants in query parameters: epoch milliseconds, not ISO-8601. */
    public static final class HostInstants implements ParamConverterProvider {
        @Override
        @SuppressWarnings("unchecked")
        public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
            if (rawType != Instant.class) {
                return null;
            }
            return (ParamConverter<T>) new ParamConverter<Instant>() {
                @Override
                public Instant fromString(String value) {
                    return value == null ? null : Instant.ofEpochMilli(Long.parseLong(value));
                }

                @Override
                public String toString(Instant value) {
                    return String.valueOf(value.toEpochMilli());
                }
            };
        }
    }

    public record Order(@NotBlank String item, @Min(1) int quantity) {
    }

    public record Sales(int totalSales, Date asOf, String note) {
    }

    public record HostHealth(String statusText) {
    }

    @Path("/")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class HostResource {
        @GET
        @Path("health")
        public HostHealth health() {
            return new HostHealth("host fine");
        }

        @GET
        @Path("reports/sales")
        public Sales sales() {
            return new Sales(3, new Date(1_796_153_876_080L), null);
        }

        @POST
        @Path("uploads")
        @Consumes(MediaType.APPLICATION_OCTET_STREAM)
        public Map<String, Integer> upload(byte[] body) {
            return Map.of("received_bytes", body.length);
        }

        @GET
        @Path("private")
        public Map<String, String> secret() {
            return Map.of("secret_word", "swordfish");
        }

        @GET
        @Path("orders")
        public Map<String, String> orders(@QueryParam("page") @DefaultValue("1") @Min(1) Integer page, @QueryParam("since") Instant since,
                                          @QueryParam("limit") @Max(100) Integer limit) {
            return Map.of("page", String.valueOf(page), "since", String.valueOf(since), "limit", String.valueOf(limit));
        }

        @POST
        @Path("orders")
        @Consumes(MediaType.APPLICATION_JSON)
        public Map<String, String> order(@Valid @NotNull Order order) {
            return Map.of("item", order.item());
        }

        @GET
        @Path("boom")
        public String boom() {
            throw new IllegalStateException("the host's own bug");
        }

        @GET
        @Path("busy")
        public String busy() {
            throw new ServiceUnavailableException(7L);
        }
    }

}
