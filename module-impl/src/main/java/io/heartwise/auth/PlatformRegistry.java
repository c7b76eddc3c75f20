package io.heartwise.auth;

import java.util.Optional;

/**
 * The one lookup of registered platforms, for everything that meets a platform: bearer tokens,
 * LTI logins and launches, Deep Linking, grades and rosters. {@link Platforms} is the file's
 * registrations alone; {@link RegisteredPlatforms} adds those registered at run time.
 */
public interface PlatformRegistry {

    /** @return the platform with this id (what its bearer tokens carry in {@code iss}) */
    Optional<Platform> find(String id);

    /**
     * The LTI registration an issuer's message is for.
     *
     * @param clientId the client_id the message names; {@code null} when it names none, which is
     *                 enough only when the issuer registered the tool once
     */
    Optional<Platform> findLti(String issuer, String clientId);
}
