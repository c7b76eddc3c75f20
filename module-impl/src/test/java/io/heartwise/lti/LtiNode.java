package io.heartwise.lti;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import io.heartwise.auth.LaunchTokens;
import io.heartwise.auth.Platforms;
import io.heartwise.auth.SharedPlatforms;
import io.heartwise.auth.TokenVerifier;
import io.heartwise.auth.ToolKeys;
import io.heartwise.content.ContentFixtures;
import io.heartwise.report.MutableClock;
import io.heartwise.store.Database;
import io.heartwise.store.LtiStore;
import io.heartwise.store.PlatformStore;
import java.net.URI;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * One node's LTI, as {@code Heartwise} wires it, on a database that other nodes may share: the
 * platforms (the file's and those kept in the database), launches and the verifier of the tokens
 * they issue. For the tests of several nodes.
 */
final class LtiNode {
    /** The LMS these tests log in from: its issuer, client_id and deployment. */
    static final String ISSUER = "https://lms.example";
    static final String CLIENT = "client";
    static final String DEPLOYMENT = "d";
    static final String TARGET = "https://heartwise.example/lessons/first-lesson";

    final SharedPlatforms platforms;
    final LtiLaunches launches;
    final TokenVerifier verifier;

    LtiNode(Database database, Platforms file, MutableClock clock) {
        LtiStore store = new LtiStore(database.dataSource());
        platforms = new SharedPlatforms(file, new PlatformStore(database.dataSource()), clock);
        LaunchTokens tokens = new LaunchTokens(new ToolKeys(store, clock), clock);
        launches = new LtiLaunches(platforms, store, tokens, ContentFixtures.catalog(), clock, null);
        verifier = new TokenVerifier(platforms, clock, tokens);
    }

    /** @return a learner's login from {@link #ISSUER} to the lesson at {@link #TARGET}, begun on this node */
    LtiLaunches.Login login() {
        return launches.login(new LtiLaunches.LoginInitiation(ISSUER, "hint", TARGET, null, CLIENT, DEPLOYMENT, null),
                URI.create("https://heartwise.example/api/v1/lti/launch"));
    }

    /** What the LMS posts back to the tool for a login: its id token (a resource link launch of "learner") and the login's state. */
    record PlatformAnswer(String idToken, String state) {
        static PlatformAnswer to(LtiLaunches.Login login, MutableClock clock, RSAKey platformKey) {
            Map<String, String> request = LtiLaunchTest.query(login.authorizationRequest());
            String idToken = LtiLaunchTest.sign(new JWTClaimsSet.Builder().issuer(ISSUER).audience(CLIENT).subject("learner")
                    .issueTime(Date.from(clock.instant())).expirationTime(Date.from(clock.instant().plusSeconds(60)))
                    .claim("nonce", request.get("nonce")).claim(LtiClaims.VERSION, "1.3.0").claim(LtiClaims.MESSAGE_TYPE, "LtiResourceLinkRequest")
                    .claim(LtiClaims.DEPLOYMENT_ID, DEPLOYMENT).claim(LtiClaims.ROLES, List.of()).claim(LtiClaims.RESOURCE_LINK, Map.of("id", "r"))
                    .claim(LtiClaims.TARGET_LINK_URI, TARGET).build(), platformKey);
            return new PlatformAnswer(idToken, request.get("state"));
        }
    }
}
