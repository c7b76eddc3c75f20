package io.heartwise.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.heartwise.api.ExternalId;
import io.heartwise.api.ProblemType;
import io.heartwise.problem.ProblemException;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies bearer tokens: the {@code iss} claim picks the registered platform, whose key must have
 * signed the token (HS256 with its secret, or RS256 with a key from its JWKS URL, fetched and cached
 * by Nimbus JOSE). The token must carry {@code sub} and {@code exp}, be current (60 s clock skew) and
 * short-lived (expiring within {@link #MAX_LIFETIME}); its learner and context ids must be
 * {@link ExternalId}s, as they are stored. Thread-safe.
 *
 * <p>A page sends the same token with each of its requests, so a verified token is remembered,
 * keyed by its exact text (signature included), until it expires: a repeat costs a map lookup
 * instead of a parse and a signature check. One consequence: a platform's key removed from its
 * JWKS stops new tokens at once, but tokens already verified under it run out their short lives.
 */
public final class TokenVerifier {
    /** Tokens must expire within this time from now: they are meant to be short-lived. */
    private static final String BEARER = "Bearer ";
    public static final Duration MAX_LIFETIME = Duration.ofHours(24);

    static final String LTI_CONTEXT = "https://purl.imsglobal.org/spec/lti/claim/context";
    static final String LTI_ROLES = "https://purl.imsglobal.org/spec/lti/claim/roles";

    /** Nimbus's default: an expired token is still accepted this long, for clocks that disagree. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(DefaultJWTClaimsVerifier.DEFAULT_MAX_CLOCK_SKEW_SECONDS);

    /** Bounds the memory of verified tokens: about 10,000 learners active within a token's lifetime. */
    static final int MAX_REMEMBERED = 10_000;

    private final PlatformRegistry platforms;
    private final Clock clock;
    private final LaunchTokens launchTokens;
    /** By platform as registered: a platform registered again with other keys gets a processor of its own. */
    private final Map<Platform, DefaultJWTProcessor<SecurityContext>> processors = new ConcurrentHashMap<>();
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /** A token that passed every check, and the instant from which it no longer would. */
    private record Verified(Caller caller, Instant refusedFrom) {
    }

    public TokenVerifier(PlatformRegistry platforms, Clock clock) {
        this(platforms, clock, null);
    }

    /** @param launchTokens verifies the tokens the tool issues after an LTI launch; {@code null} for none */
    public TokenVerifier(PlatformRegistry platforms, Clock clock, LaunchTokens launchTokens) {
        this.platforms = platforms;
        this.clock = clock;
        this.launchTokens = launchTokens;
    }

    /**
     * The one reading of an {@code Authorization} header, for every path that takes a request.
     *
     * @param authorization the header's value: {@code Bearer <token>}
     * @return the verified caller
     * @throws ProblemException 401 for a header of another scheme, or a token {@link #verify} refuses
     */
    public Caller authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.length() <= BEARER.length()) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "The Authorization header must be \"Bearer <token>\".");
        }
        return verify(authorization.substring(BEARER.length()).strip());
    }

    /**
     * @return the caller the token names
     * @throws ProblemException {@code 401 unauthorized}, saying what is wrong with the token
     */
    public Caller verify(String token) {
        Instant now = Instant.now(clock);
        Verified known = verified.get(token);
        if (known != null) {
            if (now.isBefore(known.refusedFrom())) {
                return known.caller();
            }
            verified.remove(token, known);
        }
        Verified verification = check(token, now);
        remember(token, verification, now);
        return verification.caller();
    }

    /** Parses the token and checks its signature and claims. */
    private Verified check(String token, Instant now) {
        SignedJWT jwt;
        String issuer;
        try {
            jwt = SignedJWT.parse(token);
            issuer = jwt.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw unauthorized("The bearer token is not a signed JWT.");
        }
        if (LaunchTokens.ISSUER.equals(issuer) && launchTokens != null) {
            return checkLaunchToken(jwt, now);
        }
        Platform platform = platforms.find(issuer).orElseThrow(() -> unauthorized("The token's issuer (iss) is not a registered platform."));
        JWTClaimsSet claims;
        try {
            claims = processors.computeIfAbsent(platform, this::processor).process(jwt, null);
        } catch (BadJWTException e) {
            throw unauthorized("The token is not acceptable: " + e.getMessage().toLowerCase(Locale.ROOT) + ".");
        } catch (BadJOSEException e) {
            throw unauthorized("The token's signature does not verify with the keys of platform \"" + platform.id() + "\".");
        } catch (JOSEException e) {
            throw unauthorized("The token's signature cannot be checked right now.");
        }
        return caller(platform.id(), claims, now);
    }

    /** A token the tool issued after an LTI launch: our key, our audience, and a platform still registered. */
    private Verified checkLaunchToken(SignedJWT jwt, Instant now) {
        JWTClaimsSet claims = launchTokens.verifiedClaims(jwt)
                .orElseThrow(() -> unauthorized("The launch token's signature does not verify with the tool's keys."));
        if (claims.getExpirationTime() == null || !now.isBefore(claims.getExpirationTime().toInstant().plus(CLOCK_SKEW))) {
            throw unauthorized("The launch token has expired: launch the activity again from the course.");
        }
        Object platformId = claims.getClaim("platform");
        Platform platform = platforms.find(platformId instanceof String id ? id : null)
                .orElseThrow(() -> unauthorized("The launch token's platform is no longer registered."));
        return caller(platform.id(), claims, now);
    }

    private Verified caller(String platformId, JWTClaimsSet claims, Instant now) {
        if (claims.getExpirationTime().toInstant().isAfter(now.plus(MAX_LIFETIME))) {
            throw unauthorized("The token lives too long: tokens must expire within " + MAX_LIFETIME.toHours() + " hours.");
        }
        // The ids a token carries are stored and compared as they are, so they meet the rule ids from a body meet.
        String subject = claims.getSubject();
        if (!ExternalId.isValid(subject)) {
            throw unauthorized("The token's subject (sub) must name the learner: it " + ExternalId.RULE + ".");
        }
        Context context = context(claims);
        if (!context.id().isEmpty() && !ExternalId.isValid(context.id())) {
            throw unauthorized("The token's " + context.claim() + " must name the course or context, or be empty: it " + ExternalId.RULE + ".");
        }
        return new Verified(new Caller(platformId, subject, context.id(), roles(claims)),
                claims.getExpirationTime().toInstant().plus(CLOCK_SKEW));
    }

    private void remember(String token, Verified verification, Instant now) {
        if (verified.size() >= MAX_REMEMBERED) {
            verified.values().removeIf(stale -> !now.isBefore(stale.refusedFrom()));
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
        }
        verified.put(token, verification);
    }

    /** @return how many verified tokens are remembered now */
    int remembered() {
        return verified.size();
    }

    private DefaultJWTProcessor<SecurityContext> processor(Platform platform) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        if (platform.hs256Secret() != null) {
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256,
                    new ImmutableSecret<>(platform.hs256Secret().getBytes(StandardCharsets.UTF_8))));
        } else {
            try {
                JWKSource<SecurityContext> keys = JWKSourceBuilder.create(platform.jwksUrl().toURL()).retrying(true).build();
                processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("platform " + platform.id() + ": bad JWKS URL", e);
            }
        }
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                platform.audience() == null ? null : Set.of(platform.audience()),
                new JWTClaimsSet.Builder().issuer(platform.id()).build(),
                Set.of("sub", "exp", "iss"),
                null) {
            @Override
            protected java.util.Date currentTime() {
                return java.util.Date.from(Instant.now(clock));
            }
        });
        return processor;
    }

    /** The course or context a token names, and the claim that names it, for error details. */
    private record Context(String claim, String id) {
    }

    private static Context context(JWTClaimsSet claims) {
        Object plain = claims.getClaim("context");
        if (plain instanceof String text) {
            return new Context("\"context\" claim", text);
        }
        Object lti = claims.getClaim(LTI_CONTEXT);
        if (lti instanceof Map<?, ?> map && map.get("id") instanceof String id) {
            return new Context("\"" + LTI_CONTEXT + "\" claim's id", id);
        }
        return new Context("context", "");
    }

    private static Set<Caller.Role> roles(JWTClaimsSet claims) {
        List<Object> names = new java.util.ArrayList<>();
        for (String name : new String[] {"roles", LTI_ROLES}) {
            if (claims.getClaim(name) instanceof List<?> list) {
                names.addAll(list);
            }
        }
        return Caller.Role.named(names);
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(ProblemType.UNAUTHORIZED, detail);
    }
}
