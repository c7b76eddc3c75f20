package io.heartwise.web;

import io.heartwise.http.Mount;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Configuration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.glassfish.jersey.server.model.ModelProcessor;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.ResourceModel;

/**
 * Moves the API's resources under the mount path in a host's application. Jersey merges root
 * resources of the same path (a host's {@code reports} and the API's) before any model processor
 * runs, so each root resource is split by who handles each method: the host's methods stay where
 * the host put them, the API's go under the mount path. Runs before Jersey adds its OPTIONS and
 * WADL methods, which then see the moved resources.
 */
@Priority(100)
final class MountedResources implements ModelProcessor {
    private final Mount mount;
    private final Set<Class<?>> apiResources;

    MountedResources(Mount mount, Set<Class<?>> apiResources) {
        this.mount = mount;
        this.apiResources = Set.copyOf(apiResources);
    }

    @Override
    public ResourceModel processResourceModel(ResourceModel model, Configuration configuration) {
        if (mount.path().isEmpty()) {
            return model;
        }
        ResourceModel.Builder moved = new ResourceModel.Builder(false);
        for (Resource resource : model.getRootResources()) {
            Optional<Resource.Builder> host = part(resource, this::isHost);
            Optional<Resource.Builder> api = part(resource, method -> !isHost(method));
            if (api.isEmpty()) {
                moved.addResource(resource);
            } else if (host.isEmpty()) {
                moved.addResource(Resource.builder(resource).path(mount.prefixed(resource.getPath())).build());
            } else {
                moved.addResource(host.get().build());
                moved.addResource(api.get().path(mount.prefixed(resource.getPath())).build());
            }
        }
        return moved.build();
    }

    @Override
    public ResourceModel processSubResource(ResourceModel model, Configuration configuration) {
        return model;
    }

    private boolean isHost(ResourceMethod method) {
        return !apiResources.contains(method.getInvocable().getHandler().getHandlerClass());
    }

    /** @return the part of {@code resource} whose methods {@code keep} accepts, children included; empty when none is */
    private static Optional<Resource.Builder> part(Resource resource, Predicate<ResourceMethod> keep) {
        Resource.Builder builder = Resource.builder(resource.getPath());
        boolean any = false;
        for (ResourceMethod method : resource.getAllMethods()) {
            if (keep.test(method)) {
                builder.addMethod(method);
                any = true;
            }
        }
        for (Resource child : resource.getChildResources()) {
            Optional<Resource.Builder> kept = part(child, keep);
            if (kept.isPresent()) {
                builder.addChildResource(kept.get().build());
                any = true;
            }
        }
        return any ? Optional.of(builder) : Optional.empty();
    }
}
