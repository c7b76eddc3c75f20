package io.heartwise.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The serialized form of every content record, built once at start-up so that serving a lesson
 * costs no serialization, hashing or compression. Keyed by identity: the catalog hands out the
 * same immutable instances every time. Immutable after construction, so thread-safe.
 */
final class ContentRepresentations {
    private final Map<Object, Representation> byEntity;

    ContentRepresentations(ObjectMapper mapper, List<Object> entities) {
        Map<Object, Representation> map = new IdentityHashMap<>();
        for (Object entity : entities) {
            try {
                map.put(entity, Representation.of(mapper.writeValueAsBytes(entity)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialize content " + entity.getClass().getSimpleName(), e);
            }
        }
        this.byEntity = map;
    }

    Optional<Representation> of(Object entity) {
        return entity == null ? Optional.empty() : Optional.ofNullable(byEntity.get(entity));
    }
}
