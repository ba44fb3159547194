package io.kumo.rest;

import java.util.List;
import java.util.Set;

/**
 * The outcome of looking a request up in the {@link RouteTable}.
 *
 * @param route          the route serving the request, or null
 * @param segments       the decoded path segments
 * @param allowedMethods when no route serves the method, the methods served at that path (empty: unknown path)
 */
record RouteMatch(Route route, List<String> segments, Set<String> allowedMethods) {
    /** @return true if a route serves the request */
    boolean found() { return route != null; }

    /** @return true if the path is served but not with this method */
    boolean methodNotAllowed() { return route == null && !allowedMethods.isEmpty(); }
}
