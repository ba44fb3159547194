package io.kumo.rest;

import io.kumo.api.operation.HttpMethod;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.RestBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the {@link RouteTable} from operation descriptors: the builtin routes, one route per REST binding, PUT
 * bindings sharing a path merged by action key, and {@code GET <path>/{uuid}} for every query bound at
 * {@code GET <path>}. Conflicts are resolved deterministically (builtins, then explicit bindings, then operation name
 * order) and logged.
 */
final class RouteTableBuilder {
    /** The path variable of the route derived from a query. */
    static final String UUID = "uuid";
    /** Path of the job status route. */
    static final String API_JOBS_PATH = "/api-jobs/{id}";
    /** Path of the event stream. */
    static final String EVENTS_PATH = "/events";
    /** Path of the OpenAPI document. */
    static final String OPENAPI_PATH = "/openapi.json";

    private static final Logger log = LoggerFactory.getLogger(RouteTableBuilder.class);

    private RouteTableBuilder() { }

    /**
     * @param descriptors the operations served now
     * @return the route table
     */
    static RouteTable build(Collection<OperationDescriptor> descriptors) {
        Map<String, Route> byKey = new LinkedHashMap<>();
        addBuiltin(byKey, "/", Route.Builtin.INDEX);
        addBuiltin(byKey, OPENAPI_PATH, Route.Builtin.OPENAPI);
        addBuiltin(byKey, API_JOBS_PATH, Route.Builtin.API_JOB);
        addBuiltin(byKey, EVENTS_PATH, Route.Builtin.EVENTS);

        List<OperationDescriptor> sorted = new ArrayList<>(descriptors);
        sorted.sort(Comparator.comparing(OperationDescriptor::name));
        Map<String, Map<String, Route.ActionBinding>> actionsByKey = new LinkedHashMap<>();
        Map<String, PathTemplate> actionTemplates = new LinkedHashMap<>();

        for (OperationDescriptor d : sorted) {
            RestBinding binding = d.rest().orElse(null);
            if (binding == null) {
                continue;
            }
            PathTemplate template = PathTemplate.parse(binding.path());
            String method = binding.method().name();
            String key = key(method, template);
            Route existing = byKey.get(key);
            if (existing != null) {
                log.warn("{} {} is already served by {}; {} is not served over REST",
                        method, template, describe(existing.target()), d.name());
                continue;
            }
            if (binding.method() == HttpMethod.PUT) {
                Map<String, Route.ActionBinding> actions = actionsByKey.computeIfAbsent(key, k -> new TreeMap<>());
                Route.ActionBinding clash = actions.get(binding.actionKey());
                if (clash != null) {
                    log.warn("PUT {} action key '{}' is already served by {}; {} is not served over REST",
                            template, binding.actionKey(), clash.operation().name(), d.name());
                    continue;
                }
                actions.put(binding.actionKey(), new Route.ActionBinding(d, template));
                actionTemplates.putIfAbsent(key, template);
            } else {
                byKey.put(key, new Route(method, template, new Route.OperationTarget(d, false)));
            }
        }
        actionsByKey.forEach((key, actions) -> byKey.put(key, new Route(HttpMethod.PUT.name(),
                actionTemplates.get(key), new Route.ActionTarget(java.util.Collections.unmodifiableMap(actions)))));

        for (OperationDescriptor d : sorted) {
            RestBinding binding = d.rest().orElse(null);
            if (d.kind() != OperationKind.QUERY || binding == null || binding.method() != HttpMethod.GET) {
                continue;
            }
            PathTemplate base = PathTemplate.parse(binding.path());
            if (base.hasVariable(UUID)) {
                continue;
            }
            PathTemplate derived = base.withVariable(UUID);
            byKey.putIfAbsent(key(HttpMethod.GET.name(), derived),
                    new Route(HttpMethod.GET.name(), derived, new Route.OperationTarget(d, true)));
        }
        return new RouteTable(new ArrayList<>(byKey.values()));
    }

    private static void addBuiltin(Map<String, Route> byKey, String path, Route.Builtin builtin) {
        PathTemplate template = PathTemplate.parse(path);
        byKey.put(key(HttpMethod.GET.name(), template), new Route(HttpMethod.GET.name(), template, builtin));
    }

    private static String key(String method, PathTemplate template) {
        return method + " " + template.shape();
    }

    private static String describe(Route.Target target) {
        if (target instanceof Route.OperationTarget t) {
            return t.operation().name();
        }
        return "the REST module itself";
    }
}
