package io.kumo.core.dependency;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.inventory.DependentResourceProvider;
import io.kumo.api.inventory.DependentResourceService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Aggregates the {@link DependentResourceProvider}s registered now, by the parent type they declare. */
public class DependentResourceManager implements DependentResourceService {
    private static final int LISTED = 10;

    private record Registered(String parentType, DependentResourceProvider provider) { }

    private final List<Registered> providers = new CopyOnWriteArrayList<>();

    /** Blueprint reference-listener bind. */
    public void bind(DependentResourceProvider provider, Map<String, ?> properties) {
        Object type = properties == null ? null : properties.get(DependentResourceProvider.PARENT_TYPE_PROPERTY);
        if (type instanceof String[] types) {
            for (String t : types) {
                providers.add(new Registered(t, provider));
            }
        } else if (type != null) {
            for (String t : String.valueOf(type).split(",")) {
                providers.add(new Registered(t.trim(), provider));
            }
        }
    }

    /** Blueprint reference-listener unbind. */
    public void unbind(DependentResourceProvider provider, Map<String, ?> properties) {
        providers.removeIf(r -> r.provider() == provider);
    }

    @Override
    public List<String> dependentsOf(String parentType, String parentUuid) {
        List<String> all = new ArrayList<>();
        for (Registered r : providers) {
            if (r.parentType().equals(parentType)) {
                all.addAll(r.provider().dependentsOf(parentType, parentUuid));
            }
        }
        return all;
    }

    @Override
    public void requireNoDependents(String parentType, String parentUuid) {
        List<String> dependents = dependentsOf(parentType, parentUuid);
        if (!dependents.isEmpty()) {
            String listed = String.join(", ", dependents.subList(0, Math.min(LISTED, dependents.size())))
                    + (dependents.size() > LISTED ? " and " + (dependents.size() - LISTED) + " more" : "");
            throw new ApiException(ErrorCode.CONFLICT, "the " + parentType + " " + parentUuid + " still has " + listed
                    + "; delete them first, or delete with deleteMode=Enforcing to delete them too");
        }
    }

    @Override
    public void deleteDependents(String parentType, String parentUuid) throws Exception {
        for (Registered r : providers) {
            if (r.parentType().equals(parentType)) {
                r.provider().deleteDependents(parentType, parentUuid);
            }
        }
    }
}
