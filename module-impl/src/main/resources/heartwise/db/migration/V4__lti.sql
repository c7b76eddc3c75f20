-- LTI 1.3 (io.heartwise.lti). Same rule as V1: one script for H2 and PostgreSQL.

-- The tool's own signing keys (RS256). Rotation without a gap: a new key is published from
-- created_at and signs only from signs_from, so platforms that cache our JWKS have fetched it
-- before any token it signed reaches them; a key stays published until the key after it has
-- signed for longer than our tokens live. Which key signs and which are published is computed
-- from these two instants (io.heartwise.auth.ToolKeys), never stored as a flag that nodes would
-- have to agree on. The private key is PKCS#8 in base64; it never leaves this table but to sign.
CREATE TABLE lti_tool_keys (
    kid          VARCHAR(64)  NOT NULL PRIMARY KEY,
    public_jwk   TEXT         NOT NULL,
    private_key  TEXT         NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    signs_from   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- OIDC login initiations awaiting their launch: the state we sent with the nonce we sent, kept
-- here (not in a node's memory or a cookie) so that any node can finish the launch, and deleted
-- by the launch that uses it, so each is good for one launch.
CREATE TABLE lti_launch_states (
    state        VARCHAR(64)  NOT NULL PRIMARY KEY,
    nonce        VARCHAR(64)  NOT NULL,
    platform_id  VARCHAR(255) NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX lti_launch_states_by_expiry ON lti_launch_states (expires_at);
