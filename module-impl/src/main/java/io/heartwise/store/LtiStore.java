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

    /**
     * A login initiation awaiting its launch: the state and nonce we sent to the platform.
     *
     * @param storageTarget   the platform's postMessage storage frame that holds state and nonce too; {@code null} for none
     * @param loginParameters the login initiation's parameters, form-encoded, to begin it again; {@code null} when not kept
     */
    public record LaunchState(String state, String nonce, String platformId, Instant expiresAt, String storageTarget, String loginParameters) {
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
                     "INSERT INTO lti_launch_states (state, nonce, platform_id, expires_at, storage_target, login_parameters) VALUES (?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, state.state());
            statement.setString(2, state.nonce());
            statement.setString(3, state.platformId());
            statement.setObject(4, timestamp(state.expiresAt()));
            statement.setString(5, state.storageTarget());
            statement.setString(6, state.loginParameters());
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
                    "SELECT nonce, platform_id, expires_at, storage_target, login_parameters FROM lti_launch_states WHERE state = ?")) {
                select.setString(1, state);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    found = new LaunchState(state, row.getString(1), row.getString(2), instant(row, 3), row.getString(4), row.getString(5));
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

    /**
     * Owes the platforms a score for a learner's quiz, on the attempt's own connection and in its
     * transaction: one outbox row per line item the learner reaches the quiz through; none when the
     * quiz was never launched from a platform with grades.
     */
    static void owePlatformScores(Connection connection, String platformId, String learnerId, String quizId, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO lti_score_outbox (platform_id, learner_id, quiz_id, line_item, created_at, status, tries, next_try_at) "
                        + "SELECT platform_id, learner_id, quiz_id, line_item, ?, 'pending', 0, ? FROM lti_grade_links "
                        + "WHERE platform_id = ? AND learner_id = ? AND quiz_id = ?")) {
            insert.setObject(1, timestamp(at));
            insert.setObject(2, timestamp(at));
            insert.setString(3, platformId);
            insert.setString(4, learnerId);
            insert.setString(5, quizId);
            insert.executeUpdate();
        }
    }

    /** Remembers the line item a learner's launch of a quiz names, so that their attempts at it are sent there. */
    public void linkGrade(String platformId, String learnerId, String quizId, String lineItem, Instant now) {
        inTransaction("linking a grade", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM lti_grade_links WHERE platform_id = ? AND learner_id = ? AND quiz_id = ? AND line_item = ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO lti_grade_links (platform_id, learner_id, quiz_id, line_item, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                OwedScore link = new OwedScore(platformId, learnerId, quizId, lineItem);
                bind(delete, link);
                bind(insert, link);
                delete.executeUpdate();
                insert.setObject(5, timestamp(now));
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** Scores owed to one line item for one learner's quiz. */
    public record OwedScore(String platformId, String learnerId, String quizId, String lineItem) {
    }

    /** A claimed group of outbox rows: sent together, as the current grade, by one node. */
    public record Claim(OwedScore owed, long upToId, int tries) {
    }

    /** @return the learner/line-item pairs with a pending row due at {@code now} */
    public List<OwedScore> due(Instant now, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT DISTINCT platform_id, learner_id, quiz_id, line_item FROM lti_score_outbox "
                             + "WHERE status = 'pending' AND next_try_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)")) {
            select.setObject(1, timestamp(now));
            select.setObject(2, timestamp(now));
            select.setMaxRows(limit);
            List<OwedScore> owed = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    owed.add(new OwedScore(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
            return owed;
        } catch (SQLException e) {
            throw DatabaseFailures.translate("reading the score outbox", e);
        }
    }

    /**
     * Claims a pair's pending rows until {@code until}, unless another node holds a claim on the
     * pair: under a lock on the grade link, so that two nodes never both send for one learner and line item.
     */
    public Optional<Claim> claim(OwedScore owed, Instant now, Instant until) {
        return inTransaction("claiming owed scores", connection -> {
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT 1 FROM lti_grade_links WHERE platform_id = ? AND learner_id = ? AND quiz_id = ? AND line_item = ? FOR UPDATE")) {
                bind(lock, owed);
                lock.executeQuery().close();
            }
            long upTo;
            int tries;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT MAX(id), MAX(tries), SUM(CASE WHEN claimed_until >= ? THEN 1 ELSE 0 END) FROM lti_score_outbox "
                            + "WHERE platform_id = ? AND learner_id = ? AND quiz_id = ? AND line_item = ? AND status = 'pending'")) {
                select.setObject(1, timestamp(now));
                bind(select, owed, 2);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    upTo = row.getLong(1);
                    if (row.wasNull() || row.getLong(3) > 0) {
                        return Optional.<Claim>empty();
                    }
                    tries = row.getInt(2);
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE lti_score_outbox SET claimed_until = ? WHERE platform_id = ? AND learner_id = ? AND quiz_id = ? "
                            + "AND line_item = ? AND status = 'pending' AND id <= ?")) {
                update.setObject(1, timestamp(until));
                bind(update, owed, 2);
                update.setLong(6, upTo);
                update.executeUpdate();
            }
            return Optional.of(new Claim(owed, upTo, tries));
        });
    }

    /**
     * Settles a claim: {@code sent} or {@code rejected} for good, or {@code pending} again from {@code nextTry}.
     *
     * @param status the platform's HTTP status; 0 when it could not be reached
     */
    public void settle(Claim claim, String outcome, int status, String detail, Instant nextTry) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE lti_score_outbox SET status = ?, tries = tries + 1, next_try_at = ?, claimed_until = NULL, last_status = ?, last_error = ? "
                             + "WHERE platform_id = ? AND learner_id = ? AND quiz_id = ? AND line_item = ? AND status = 'pending' AND id <= ?")) {
            update.setString(1, outcome);
            update.setObject(2, timestamp(nextTry));
            update.setInt(3, status);
            update.setString(4, detail == null ? null : detail.substring(0, Math.min(1000, detail.length())));
            bind(update, claim.owed(), 5);
            update.setLong(9, claim.upToId());
            update.executeUpdate();
        } catch (SQLException e) {
            throw DatabaseFailures.translate("settling owed scores", e);
        }
    }

    /** @return the scores owed to a platform for a quiz, newest first, at most 1000 */
    public List<io.heartwise.api.LtiScoresApi.ScoreDelivery> deliveries(String platformId, String quizId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT learner_id, line_item, status, tries, last_status, last_error, created_at FROM lti_score_outbox "
                             + "WHERE platform_id = ? AND quiz_id = ? ORDER BY id DESC")) {
            select.setString(1, platformId);
            select.setString(2, quizId);
            select.setMaxRows(1000);
            List<io.heartwise.api.LtiScoresApi.ScoreDelivery> deliveries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Integer lastStatus = rows.getInt(5);
                    if (rows.wasNull()) {
                        lastStatus = null;
                    }
                    deliveries.add(new io.heartwise.api.LtiScoresApi.ScoreDelivery(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getInt(4), lastStatus, rows.getString(6), instant(rows, 7)));
                }
            }
            return deliveries;
        } catch (SQLException e) {
            throw DatabaseFailures.translate("reading the scores sent to a platform", e);
        }
    }

    /** A member of a course, as the platform's roster names them. */
    public record Member(String userId, String name, List<String> roles, String status) {
    }

    /** Replaces a course's roster with the one just fetched, in one transaction. */
    public void replaceRoster(String platformId, String contextId, List<Member> members, Instant fetchedAt) {
        inTransaction("storing a roster", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM lti_members WHERE platform_id = ? AND context_id = ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO lti_members (platform_id, context_id, user_id, name, roles, status, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                delete.setString(1, platformId);
                delete.setString(2, contextId);
                delete.executeUpdate();
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (Member member : members) {
                    if (!seen.add(member.userId())) {
                        continue;
                    }
                    insert.setString(1, platformId);
                    insert.setString(2, contextId);
                    insert.setString(3, member.userId());
                    insert.setString(4, member.name());
                    insert.setString(5, String.join(" ", member.roles()));
                    insert.setString(6, member.status());
                    insert.setObject(7, timestamp(fetchedAt));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** @return a course's roster as last fetched, by user id */
    public List<Member> roster(String platformId, String contextId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT user_id, name, roles, status FROM lti_members WHERE platform_id = ? AND context_id = ? ORDER BY user_id")) {
            select.setString(1, platformId);
            select.setString(2, contextId);
            List<Member> members = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    members.add(new Member(rows.getString(1), rows.getString(2), List.of(rows.getString(3).split(" ")), rows.getString(4)));
                }
            }
            return members;
        } catch (SQLException e) {
            throw DatabaseFailures.translate("reading a roster", e);
        }
    }

    private static void bind(PreparedStatement statement, OwedScore owed) throws SQLException {
        bind(statement, owed, 1);
    }

    /** Binds platform, learner, quiz and line item from parameter {@code first} on. */
    private static void bind(PreparedStatement statement, OwedScore owed, int first) throws SQLException {
        statement.setString(first, owed.platformId());
        statement.setString(first + 1, owed.learnerId());
        statement.setString(first + 2, owed.quizId());
        statement.setString(first + 3, owed.lineItem());
    }

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    private <T> T inTransaction(String action, Transactions.Work<T> work) {
        try {
            return Transactions.inOne(dataSource, work);
        } catch (SQLException e) {
            throw DatabaseFailures.translate(action, e);
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
