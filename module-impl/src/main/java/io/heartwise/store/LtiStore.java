package io.heartwise.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What LTI 1.3 keeps in the database: the tool's signing keys and the login initiations awaiting
 * their launch. Every node reads the same rows, so a launch begun on one node finishes on any
 * other. Failures are {@link DatabaseFailures#translate translated} like the attempt store's.
 * Thread-safe.
 */
public final class LtiStore {
    private final DataSource dataSource;

    /** One of the tool's keys as stored: the private half is PKCS#8 in base64, never logged ({@link #toString()} omits it). */
    public record ToolKey(String kid, String publicJwk, String privateKey, Instant createdAt, Instant signsFrom) {
        public ToolKey {
            Objects.requireNonNull(kid, "kid");
            Objects.requireNonNull(publicJwk, "publicJwk");
            Objects.requireNonNull(privateKey, "privateKey");
            createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
            signsFrom = signsFrom.truncatedTo(ChronoUnit.MICROS);
        }

        @Override
        public String toString() {
            return "ToolKey[kid=" + kid + ", createdAt=" + createdAt + ", signsFrom=" + signsFrom + "]";
        }
    }

    /** A login initiation awaiting its launch: the state and nonce we sent to the platform. */
    public record LaunchState(String state, String nonce, String platformId, Instant expiresAt) {
    }

    public LtiStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** @return every key, oldest first */
    public List<ToolKey> toolKeys() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT kid, public_jwk, private_key, created_at, signs_from FROM lti_tool_keys ORDER BY created_at, kid");
             ResultSet rows = statement.executeQuery()) {
            List<ToolKey> keys = new ArrayList<>();
            while (rows.next()) {
                keys.add(new ToolKey(rows.getString(1), rows.getString(2), rows.getString(3), instant(rows, 4), instant(rows, 5)));
            }
            return keys;
        } catch (SQLException e) {
            throw DatabaseFailures.translate("reading the tool's keys", e);
        }
    }

    public void addToolKey(ToolKey key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "INSERT INTO lti_tool_keys (kid, public_jwk, private_key, created_at, signs_from) VALUES (?, ?, ?, ?, ?)")) {
            statement.setString(1, key.kid());
            statement.setString(2, key.publicJwk());
            statement.setString(3, key.privateKey());
            statement.setObject(4, timestamp(key.createdAt()));
            statement.setObject(5, timestamp(key.signsFrom()));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw DatabaseFailures.translate("storing a tool key", e);
        }
    }

    /** Keeps a login initiation's state until its launch takes it, or it expires. */
    public void putLaunchState(LaunchState state) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "INSERT INTO lti_launch_states (state, nonce, platform_id, expires_at) VALUES (?, ?, ?, ?)")) {
            statement.setString(1, state.state());
            statement.setString(2, state.nonce());
            statement.setString(3, state.platformId());
            statement.setObject(4, timestamp(state.expiresAt()));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw DatabaseFailures.translate("storing a launch state", e);
        }
    }

    /**
     * Takes a state for one launch: it is deleted, so that a second launch with it finds nothing,
     * whichever node that launch reaches. Of two launches racing with the same state, only the one
     * whose delete removed the row gets it. Expired states are removed on the way.
     *
     * @return the state, unless it is unknown, already taken or expired at {@code now}
     */
    public Optional<LaunchState> takeLaunchState(String state, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement purge = connection.prepareStatement("DELETE FROM lti_launch_states WHERE expires_at < ?")) {
                purge.setObject(1, timestamp(now));
                purge.executeUpdate();
            }
            LaunchState found;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT nonce, platform_id, expires_at FROM lti_launch_states WHERE state = ?")) {
                select.setString(1, state);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    found = new LaunchState(state, row.getString(1), row.getString(2), instant(row, 3));
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM lti_launch_states WHERE state = ?")) {
                delete.setString(1, state);
                if (delete.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            return found.expiresAt().isBefore(now) ? Optional.empty() : Optional.of(found);
        } catch (SQLException e) {
            throw DatabaseFailures.translate("taking a launch state", e);
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
