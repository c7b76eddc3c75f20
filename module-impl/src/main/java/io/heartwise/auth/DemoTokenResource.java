package io.heartwise.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.heartwise.api.Problem.FieldError;
import io.heartwise.api.ProblemType;
import io.heartwise.problem.ProblemException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Issues tokens of the local demo platform, so that someone trying the embedded runner can take a
 * quiz with copy-pasteable commands. Registered only when {@code heartwise.demo-platform} is on,
 * which the embedded runner does and a real deployment must not. Not part of the public contract.
 */
@Path("demo/token")
public final class DemoTokenResource {
    private static final Duration LIFETIME = Duration.ofHours(1);

    private final Clock clock;

    public DemoTokenResource(Clock clock) {
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@QueryParam("learner") @DefaultValue("demo-learner") String learner,
                          @QueryParam("context") @DefaultValue("demo-course") String context,
                          @QueryParam("role") @DefaultValue("learner") String role) {
        if (learner.isBlank() || learner.length() > 64 || context.length() > 64) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, "learner and context are 1 to 64 characters.",
                    List.of(FieldError.atParameter("learner", "1 to 64 characters")));
        }
        if (!List.of("learner", "instructor", "admin").contains(role)) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER, "role is learner, instructor or admin.",
                    List.of(FieldError.atParameter("role", "one of learner, instructor, admin")));
        }
        Instant now = Instant.now(clock);
        Instant expires = now.plus(LIFETIME);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(Platform.DEMO_ID)
                .subject(learner)
                .claim("context", context)
                .claim("roles", List.of(role))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(Platform.DEMO_SECRET.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a demo token", e);
        }
        DemoToken body = new DemoToken(jwt.serialize(), "Bearer", expires.toString(), Platform.DEMO_ID,
                "Local demo platform: its secret is public. Never enable heartwise.demo-platform in production.");
        return Response.ok(body).header("Cache-Control", "no-store").build();
    }

    /** A minted demo token, as the JSON answer shows it. */
    public record DemoToken(String token, String tokenType, String expiresAt, String platform, String warning) {
    }
}
