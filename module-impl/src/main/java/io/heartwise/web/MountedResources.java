package io.heartwise.web;

import io.heartwise.http.Mount;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.glassfish.jersey.server.model.ModelProcessor;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.ResourceModel;

/**
 * Shapes the API's resources in a host's application: moves them under the mount path, and takes
 * from them the {@code OPTIONS} methods of Jersey's WADL, which the WAR turns off and a host may
 * have on. Jersey merges root resources of the same path (a host's {@code reports} and the API's)
 * before any model processor runs, so each root resource is split by who handles each method: the
 * host's methods stay where the host put them, with their WADL methods; the API's go under the
 * mount path without them. Jersey runs the model processors registered as classes (its WADL
 * processor) before those registered as instances (this one), and adds its plain {@code OPTIONS}
 * methods last, to every resource left without one: the API's {@code OPTIONS} then answer as in
 * the WAR. A path whose own methods are both the host's and the API's (possible at the host's root
 * only) keeps the host's WADL.
 */
@Priority(100)
final class MountedResources implements ModelProcessor {
    /** What Jersey's WADL {@code OPTIONS} methods produce; Jersey's own constant is internal. */
    static final MediaType WADL = MediaType.valueOf("application/vnd.sun.wadl+xml");

    private final Mount mount;
    private final Set<Class<?>> apiResources;

    MountedResources(Mount mount, Set<Class<?>> apiResources) {
        this.mount = mount;
        this.apiResources = Set.copyOf(apiResources);
    }

    @Override
    public ResourceModel processResourceModel(ResourceModel model, Configuration configuration) {
        if (mount.isWholeApplication()) {
            return model;
        }
        ResourceModel.Builder moved = new ResourceModel.Builder(false);
        for (Resource resource : model.getRootResources()) {
            Optional<Resource.Builder> api = part(resource, this::isApi, false);
            Optional<Resource.Builder> host = part(resource, this::isHost, true);
            // At the host's root, a path with methods of both stays one resource, as Jersey merged it.
            if (api.isEmpty() || (mount.path().isEmpty() && host.isPresent())) {
                moved.addResource(resource);
                continue;
            }
            host.ifPresent(part -> moved.addResource(part.build()));
            moved.addResource(api.get().path(mount.prefixed(resource.getPath())).build());
        }
        return moved.build();
    }

    @Override
    public ResourceModel processSubResource(ResourceModel model, Configuration configuration) {
        return model;
    }

    private boolean isApi(ResourceMethod method) {
        return apiResources.contains(method.getInvocable().getHandler().getHandlerClass());
    }

    private boolean isHost(ResourceMethod method) {
        return !isApi(method) && !isWadl(method);
    }

    private static boolean isWadl(ResourceMethod method) {
        return HttpMethod.OPTIONS.equals(method.getHttpMethod()) && method.getProducedTypes().contains(WADL);
    }

    /**
     * @param withWadl whether a part that keeps any method of a path also keeps that path's WADL method
     * @return the part of {@code resource} whose methods {@code keep} accepts, children included; empty when none is
     */
    private static Optional<Resource.Builder> part(Resource resource, Predicate<ResourceMethod> keep, boolean withWadl) {
        Resource.Builder builder = Resource.builder(resource.getPath());
        boolean any = false;
        for (ResourceMethod method : resource.getAllMethods()) {
            if (keep.test(method)) {
                builder.addMethod(method);
                any = true;
            }
        }
        if (any && withWadl) {
            resource.getAllMethods().stream().filter(MountedResources::isWadl).forEach(builder::addMethod);
        }
        for (Resource child : resource.getChildResources()) {
            Optional<Resource.Builder> kept = part(child, keep, withWadl);
            if (kept.isPresent()) {
                builder.addChildResource(kept.get().build());
                any = true;
            }
        }
        return any ? Optional.of(builder) : Optional.empty();
    }
}
