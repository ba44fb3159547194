package io.kumo.rest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** An immutable set of routes, looked up by method and decoded path segments. */
final class RouteTable {
    private final List<Route> routes;

    /** @param routes the routes; at most one per method and path shape */
    RouteTable(List<Route> routes) {
        List<Route> sorted = new ArrayList<>(routes);
        sorted.sort(Comparator.comparing(Route::template, PathTemplate::compareSpecificity)
                .thenComparing(Route::method));
        this.routes = Collections.unmodifiableList(sorted);
    }

    /** @return the routes, most specific first */
    List<Route> routes() { return routes; }

    /**
     * @param method   the request method
     * @param segments the decoded path segments below {@code /zstack/v1}
     * @return the most specific route for the method, or the methods allowed at the path
     */
    RouteMatch lookup(String method, List<String> segments) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            if (route.template().matches(segments)) {
                if (route.method().equals(method)) {
                    return new RouteMatch(route, segments, Set.of());
                }
                allowed.add(route.method());
            }
        }
        return new RouteMatch(null, segments, Collections.unmodifiableSet(allowed));
    }
}
