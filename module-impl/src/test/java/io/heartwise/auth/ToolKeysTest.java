package io.heartwise.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.heartwise.report.MutableClock;
import io.heartwise.store.Database;
import io.heartwise.store.EmbeddedDatabase;
import io.heartwise.store.LtiStore;
import io.heartwise.store.LtiStore.ToolKey;
import io.heartwise.store.PostgresSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolKeysTest {
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void theFirstKeySignsAtOnceAndIsPublishedWithKidAlgAndUse() throws Exception {
        try (Database database = Database.open(EmbeddedDatabase.in(Files.createTempDirectory("keys")))) {
            ToolKeys keys = new ToolKeys(new LtiStore(database.dataSource()), new MutableClock(START));
            List<JWK> published = keys.jwks().getKeys();
            assertEquals(1, published.size());
            RSAKey key = published.get(0).toRSAKey();
            assertEquals("RS256", key.getAlgorithm().getName());
            assertEquals("sig", key.getKeyUse().identifier());
            assertTrue(key.getModulus().decodeToBigInteger().bitLength() >= 2048);
            assertFalse(key.isPrivate(), "only the public half is published");
            assertFalse(keys.jwks().toString(false).contains("\"d\""));

            SignedJWT signed = SignedJWT.parse(keys.sign(new JWTClaimsSet.Builder().subject("x").build()));
            assertEquals(key.getKeyID(), signed.getHeader().getKeyID());
            assertTrue(signed.verify(new RSASSAVerifier(key)));
        }
    }

    @Test
    void noKeyIsGeneratedUntilTheKeysAreFirstUsed() throws Exception {
        try (Database database = Database.open(EmbeddedDatabase.in(Files.createTempDirectory("keys")))) {
            LtiStore store = new LtiStore(database.dataSource());
            ToolKeys keys = new ToolKeys(store, new MutableClock(START));
            assertEquals(List.of(), store.toolKeys(), "a start does not wait for a key");
            String kid = keys.jwks().getKeys().get(0).getKeyID();
            assertEquals(List.of(kid), store.toolKeys().stream().map(ToolKey::kid).toList());
        }
    }

    @Test
    void keysAreKeptInTheDatabaseAcrossRestarts() throws Exception {
        Path dir = Files.createTempDirectory("keys");
        String kid;
        try (Database database = Database.open(EmbeddedDatabase.in(dir))) {
            kid = new ToolKeys(new LtiStore(database.dataSource()), new MutableClock(START)).jwks().getKeys().get(0).getKeyID();
        }
        try (Database database = Database.open(EmbeddedDatabase.in(dir))) {
            ToolKeys again = new ToolKeys(new LtiStore(database.dataSource()), new MutableClock(START.plusSeconds(60)));
            assertEquals(List.of(kid), again.jwks().getKeys().stream().map(JWK::getKeyID).toList());
        }
    }

    @Test
    void keysAreSharedByNodesOnOnePostgresDatabase() throws Exception {
        PostgresSchema.requireReachable();
        try (PostgresSchema schema = new PostgresSchema("hw_keys");
             Database one = Database.open(schema.settings(schema.url(), 2));
             Database two = Database.open(schema.settings(schema.url(), 2))) {
            ToolKeys first = new ToolKeys(new LtiStore(one.dataSource()), new MutableClock(START));
            ToolKeys second = new ToolKeys(new LtiStore(two.dataSource()), new MutableClock(START));
            SignedJWT signed = SignedJWT.parse(first.sign(new JWTClaimsSet.Builder().subject("x").build()));
            RSAKey key = second.publishedKey(signed.getHeader().getKeyID()).orElseThrow();
            assertTrue(signed.verify(new RSASSAVerifier(key)));
        }
    }

    @Test
    void aSuccessorIsPublishedBeforeItSignsAndItsPredecessorKeptUntilItsTokensExpire() {
        ToolKey first = ToolKeys.generate(START, START);
        List<ToolKey> keys = List.of(first);
        Instant due = START.plus(ToolKeys.ROTATE_AFTER);
        assertTrue(ToolKeys.next(keys, due.minusSeconds(1)).isEmpty(), "not yet due");
        ToolKey second = ToolKeys.next(keys, due).orElseThrow();
        assertEquals(due.plus(ToolKeys.PUBLISH_LEAD), second.signsFrom());
        List<ToolKey> both = List.of(first, second);
        assertTrue(ToolKeys.next(both, due.plusSeconds(1)).isEmpty(), "one successor at a time");

        // Published at once, signing only after the lead.
        assertEquals(List.of(first, second), ToolKeys.published(both, due));
        assertEquals(first, ToolKeys.signing(both, second.signsFrom().minusSeconds(1)).orElseThrow());
        assertEquals(second, ToolKeys.signing(both, second.signsFrom()).orElseThrow());
        // The old key stays published until the new one has signed longer than tokens live.
        Instant retired = second.signsFrom().plus(ToolKeys.RETAIN_AFTER_REPLACED);
        assertEquals(List.of(first, second), ToolKeys.published(both, retired.minusSeconds(1)));
        assertEquals(List.of(second), ToolKeys.published(both, retired));
    }

    @Test
    void aNodeSeesAKeyAnotherNodeAddedAfterItRereads() throws Exception {
        try (Database database = Database.open(EmbeddedDatabase.in(Files.createTempDirectory("keys")))) {
            LtiStore store = new LtiStore(database.dataSource());
            MutableClock clock = new MutableClock(START);
            ToolKeys keys = new ToolKeys(store, clock);
            assertEquals(1, keys.jwks().getKeys().size(), "the first use creates the first key");
            store.addToolKey(ToolKeys.generate(START.plusSeconds(1), START.plus(ToolKeys.PUBLISH_LEAD)));
            assertEquals(1, keys.jwks().getKeys().size());
            clock.advance(ToolKeys.REREAD_AFTER.plus(Duration.ofSeconds(1)));
            assertEquals(2, keys.jwks().getKeys().size());
        }
    }

    @Test
    void theStoredKeyNeverShowsItsPrivateHalfInText() {
        ToolKey key = ToolKeys.generate(START, START);
        assertFalse(key.toString().contains(key.privateKey()));
    }
}
