package io.heartwise.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The LTI platforms registered at run time (admin API, Dynamic Registration), as rows every node
 * reads. Unique ids and issuer + client_id pairs are the database's to keep, so two nodes
 * registering at once cannot both win: the loser gets {@link DuplicateException}. Thread-safe.
 */
public final class PlatformStore {
    private final DataSource dataSource;

    /**
     * One registered platform as stored; URLs as text, checked before they are stored.
     *
     * @param registeredBy {@code admin} or {@code dynamic}
     */
    public record StoredPlatform(String id, String name, String issuer, String clientId, String authorizationEndpoint,
                                 String tokenEndpoint, String tokenAudience, String jwksUrl, Set<String> deploymentIds,
                                 String registeredBy, Instant registeredAt) {
        public StoredPlatform {
            Objects.requireNonNull(id, "id");
            deploymentIds = Set.copyOf(deploymentIds);
            registeredAt = registeredAt.truncatedTo(ChronoUnit.MICROS);
        }
    }

    /** Another platform holds the id, or the issuer and client_id. */
    public static final class DuplicateException extends RuntimeException {
        public DuplicateException(String message) {
            super(message);
        }
    }

    public PlatformStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** @return every stored platform, by id */
    public List<StoredPlatform> all() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement platforms = connection.prepareStatement(
                     "SELECT id, name, issuer, client_id, authorization_endpoint, token_endpoint, token_audience, jwks_url, registered_by, "
                             + "registered_at FROM lti_platforms ORDER BY id");
             PreparedStatement deployments = connection.prepareStatement(
                     "SELECT platform_id, deployment_id FROM lti_platform_deployments ORDER BY platform_id, deployment_id")) {
            Map<String, Set<String>> deploymentsOf = new LinkedHashMap<>();
            try (ResultSet rows = deployments.executeQuery()) {
                while (rows.next()) {
                    deploymentsOf.computeIfAbsent(rows.getString(1), id -> new TreeSet<>()).add(rows.getString(2));
                }
            }
            List<StoredPlatform> found = new java.util.ArrayList<>();
            try (ResultSet rows = platforms.executeQuery()) {
                while (rows.next()) {
                    found.add(new StoredPlatform(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                            rows.getString(6), rows.getString(7), rows.getString(8), deploymentsOf.getOrDefault(rows.getString(1), Set.of()),
                            rows.getString(9), rows.getObject(10, OffsetDateTime.class).toInstant()));
                }
            }
            return found;
        } catch (SQLException e) {
            throw DatabaseFailures.translate("reading the registered platforms", e);
        }
    }

    /** @throws DuplicateException when the id or the issuer and client_id are taken */
    public void add(StoredPlatform platform) {
        inTransaction("registering platform " + platform.id(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO lti_platforms (id, name, issuer, client_id, authorization_endpoint, token_endpoint, token_audience, jwks_url, "
                            + "registered_by, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, platform.id());
                insert.setString(2, platform.name());
                insert.setString(3, platform.issuer());
                insert.setString(4, platform.clientId());
                insert.setString(5, platform.authorizationEndpoint());
                insert.setString(6, platform.tokenEndpoint());
                insert.setString(7, platform.tokenAudience());
                insert.setString(8, platform.jwksUrl());
                insert.setString(9, platform.registeredBy());
                insert.setObject(10, OffsetDateTime.ofInstant(platform.registeredAt(), ZoneOffset.UTC));
                insert.executeUpdate();
            }
            for (String deployment : platform.deploymentIds()) {
                insertDeployment(connection, platform.id(), deployment);
            }
            return null;
        });
    }

    /** @return whether the platform exists; adding a deployment it has already is no change */
    public boolean addDeployment(String platformId, String deploymentId) {
        return inTransaction("adding a deployment to platform " + platformId, connection -> {
            if (!exists(connection, platformId)) {
                return false;
            }
            try (PreparedStatement present = connection.prepareStatement(
                    "SELECT 1 FROM lti_platform_deployments WHERE platform_id = ? AND deployment_id = ?")) {
                present.setString(1, platformId);
                present.setString(2, deploymentId);
                try (ResultSet row = present.executeQuery()) {
                    if (!row.next()) {
                        insertDeployment(connection, platformId, deploymentId);
                    }
                }
            }
            return true;
        });
    }

    /** @return whether the platform had that deployment */
    public boolean removeDeployment(String platformId, String deploymentId) {
        return inTransaction("removing a deployment of platform " + platformId, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM lti_platform_deployments WHERE platform_id = ? AND deployment_id = ?")) {
                delete.setString(1, platformId);
                delete.setString(2, deploymentId);
                return delete.executeUpdate() == 1;
            }
        });
    }

    /** @return whether there was such a platform */
    public boolean delete(String platformId) {
        return inTransaction("deleting platform " + platformId, connection -> {
            try (PreparedStatement deployments = connection.prepareStatement("DELETE FROM lti_platform_deployments WHERE platform_id = ?");
                 PreparedStatement platform = connection.prepareStatement("DELETE FROM lti_platforms WHERE id = ?")) {
                deployments.setString(1, platformId);
                deployments.executeUpdate();
                platform.setString(1, platformId);
                return platform.executeUpdate() == 1;
            }
        });
    }

    private static boolean exists(Connection connection, String platformId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM lti_platforms WHERE id = ?")) {
            select.setString(1, platformId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private static void insertDeployment(Connection connection, String platformId, String deploymentId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO lti_platform_deployments (platform_id, deployment_id) VALUES (?, ?)")) {
            insert.setString(1, platformId);
            insert.setString(2, deploymentId);
            insert.executeUpdate();
        }
    }

    private <T> T inTransaction(String action, Transactions.Work<T> work) {
        try {
            return Transactions.inOne(dataSource, work);
        } catch (SQLException e) {
            if (DatabaseFailures.isUniqueViolation(e)) {
                throw new DuplicateException("Another registered platform has this id, or this issuer and client_id.");
            }
            throw DatabaseFailures.translate(action, e);
        }
    }
}
