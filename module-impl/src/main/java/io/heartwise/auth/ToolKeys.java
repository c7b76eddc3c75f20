package io.heartwise.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.heartwise.store.LtiStore;
import io.heartwise.store.LtiStore.ToolKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The tool's own RS256 keys: generated on first start, kept in the database, published at the
 * JWKS endpoint and used to sign what the tool sends (launch tokens, Deep Linking responses, client
 * assertions). Thread-safe; every node reads the same keys from the database.
 *
 * <p>Rotation never leaves a platform holding a token it cannot verify. A key is published as soon
 * as it exists but signs only from {@code signsFrom}, {@link #PUBLISH_LEAD} later, so platforms
 * that cache our JWKS have seen it first; the key it replaces stays published until the new one has
 * signed for {@link #RETAIN_AFTER_REPLACED}, longer than anything the old one signed lives. Which key
 * signs and which are published follows from those instants alone ({@link #signing},
 * {@link #published}), so nodes agree without coordinating. The first key signs at once: nobody can
 * have cached a key set that did not exist. A key that has signed for {@link #ROTATE_AFTER} gets a
 * successor when the keys are next {@link #refresh() refreshed}.
 */
public final class ToolKeys {
    /** RSA modulus size: 2048 is the minimum RS256 allows; the key signs a few tokens a minute. */
    public static final int KEY_BITS = 2048;
    public static final Duration PUBLISH_LEAD = Duration.ofDays(2);
    public static final Duration RETAIN_AFTER_REPLACED = Duration.ofDays(1);
    public static final Duration ROTATE_AFTER = Duration.ofDays(90);
    /** How long a node trusts its copy of the keys before reading them again (another node may have rotated). */
    static final Duration REREAD_AFTER = Duration.ofMinutes(5);

    private static final System.Logger LOG = System.getLogger(ToolKeys.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter KID_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final LtiStore store;
    private final Clock clock;
    private volatile Snapshot snapshot;

    private record Snapshot(List<ToolKey> keys, Instant readAt) {
    }

    /**
     * Reads nothing yet: the keys are read, and the first one (or a due successor) created, when
     * they are first used. A 2048-bit key takes a few hundred milliseconds to generate, which a
     * start-up need not wait for.
     */
    public ToolKeys(LtiStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Reads the keys again and adds a key when there is none, or when the signing key is due for rotation. */
    public synchronized void refresh() {
        Instant now = Instant.now(clock);
        List<ToolKey> keys = store.toolKeys();
        Optional<ToolKey> due = next(keys, now);
        if (due.isPresent()) {
            store.addToolKey(due.get());
            LOG.log(System.Logger.Level.INFO, "Created tool key {0}, signing from {1}", due.get().kid(), due.get().signsFrom());
            keys = store.toolKeys();
        }
        snapshot = new Snapshot(List.copyOf(keys), now);
    }

    /** @return the key to add now: the first key, or the successor of a signing key that is due; none otherwise */
    static Optional<ToolKey> next(List<ToolKey> keys, Instant now) {
        if (keys.isEmpty()) {
            return Optional.of(generate(now, now));
        }
        boolean pending = keys.stream().anyMatch(key -> key.signsFrom().isAfter(now));
        Optional<ToolKey> signing = signing(keys, now);
        if (!pending && signing.isPresent() && !signing.get().signsFrom().plus(ROTATE_AFTER).isAfter(now)) {
            return Optional.of(generate(now, now.plus(PUBLISH_LEAD)));
        }
        return Optional.empty();
    }

    /** @return the key that signs at {@code now}: the one whose signing began last (ties: the greater kid, as every node picks) */
    static Optional<ToolKey> signing(List<ToolKey> keys, Instant now) {
        return keys.stream().filter(key -> !key.signsFrom().isAfter(now))
                .max(Comparator.comparing(ToolKey::signsFrom).thenComparing(ToolKey::kid));
    }

    /**
     * @return the keys published at {@code now}: every key, except one replaced by a key that has
     *         signed for longer than {@link #RETAIN_AFTER_REPLACED}
     */
    static List<ToolKey> published(List<ToolKey> keys, Instant now) {
        Instant retiredBefore = now.minus(RETAIN_AFTER_REPLACED);
        return keys.stream().filter(key -> keys.stream().noneMatch(later -> later.signsFrom().isAfter(key.signsFrom())
                && !later.signsFrom().isAfter(retiredBefore))).toList();
    }

    /** @return the public JWKS: {@code kty}, {@code kid}, {@code alg} RS256, {@code use} sig, {@code n}, {@code e} of each published key */
    public JWKSet jwks() {
        return new JWKSet(published(keys(), Instant.now(clock)).stream().map(key -> (com.nimbusds.jose.jwk.JWK) publicKey(key)).toList());
    }

    /** @return the published public key with this kid */
    public Optional<RSAKey> publishedKey(String kid) {
        return published(keys(), Instant.now(clock)).stream().filter(key -> key.kid().equals(kid)).findFirst().map(ToolKeys::publicKey);
    }

    /** Signs claims with the current key; the header names it ({@code kid}) and says {@code typ: JWT}. */
    public String sign(JWTClaimsSet claims) {
        ToolKey key = signing(keys(), Instant.now(clock)).orElseThrow(() -> new IllegalStateException("no tool key signs now"));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid()).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(privateKey(key)));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with tool key " + key.kid(), e);
        }
        return jwt.serialize();
    }

    private List<ToolKey> keys() {
        Snapshot current = snapshot;
        if (current == null) {
            refresh();
            return snapshot.keys();
        }
        if (Instant.now(clock).isAfter(current.readAt().plus(REREAD_AFTER))) {
            try {
                refresh();
            } catch (RuntimeException e) {
                // The keys read last are still good; the next use tries the database again.
                LOG.log(System.Logger.Level.WARNING, "Cannot read the tool keys again: " + e.getMessage());
                return current.keys();
            }
        }
        return snapshot.keys();
    }

    static ToolKey generate(Instant createdAt, Instant signsFrom) {
        byte[] random = new byte[9];
        RANDOM.nextBytes(random);
        String kid = "hw-" + KID_DATE.format(createdAt) + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            RSAKey key = new RSAKeyGenerator(KEY_BITS).keyID(kid).algorithm(JWSAlgorithm.RS256).keyUse(KeyUse.SIGNATURE).generate();
            return new ToolKey(kid, key.toPublicJWK().toJSONString(),
                    Base64.getEncoder().encodeToString(key.toRSAPrivateKey().getEncoded()), createdAt, signsFrom);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private static RSAKey publicKey(ToolKey key) {
        try {
            return RSAKey.parse(key.publicJwk());
        } catch (ParseException e) {
            throw new IllegalStateException("tool key " + key.kid() + " has a broken public JWK", e);
        }
    }

    private static RSAPrivateKey privateKey(ToolKey key) {
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key.privateKey())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("tool key " + key.kid() + " has a broken private key", e);
        }
    }
}
