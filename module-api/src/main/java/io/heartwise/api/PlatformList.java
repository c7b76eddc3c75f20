package io.heartwise.api;

import java.util.List;

/**
 * Every LTI platform the tool accepts launches from: the platforms file's and those registered at run time.
 *
 * @param platforms by id
 */
public record PlatformList(List<RegisteredPlatform> platforms) {
    public PlatformList {
        platforms = List.copyOf(platforms);
    }
}
