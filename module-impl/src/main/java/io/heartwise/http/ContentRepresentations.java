package io.heartwise.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heartwise.content.ContentCatalog;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The serialized form of every content record, built once at start-up so that serving a lesson
 * costs no serialization, hashing or compression. Found by the record a resource returns (by
 * identity: the catalog hands out the same immutable instances every time) or by the request
 * path, for a servlet container's fast path. Immutable after construction, so thread-safe.
 */
public final class ContentRepresentations {
    private final Map<Object, Representation> byEntity = new IdentityHashMap<>();
    private final Map<String, Representation> byPath = new HashMap<>();

    public ContentRepresentations(ObjectMapper mapper, ContentCatalog catalog) {
        catalog.representationsByPath().forEach((path, entity) -> {
            try {
                Representation representation = Representation.of(mapper.writeValueAsBytes(entity));
                byEntity.put(entity, representation);
                byPath.put(path, representation);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialize content at " + path, e);
            }
        });
    }

    Optional<Representation> of(Object entity) {
        return entity == null ? Optional.empty() : Optional.ofNullable(byEntity.get(entity));
    }

    /** @param path relative to the API root, e.g. {@code lessons/why-men-pull-away} */
    public Optional<Representation> forPath(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /** @return every representation, each once */
    public Collection<Representation> all() {
        return Collections.unmodifiableCollection(byEntity.values());
    }
}
