package io.kumo.rest;

import io.kumo.api.error.ApiError;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.identity.AuthenticationService;
import io.kumo.api.job.JobService;
import io.kumo.api.operation.Caller;
import io.kumo.api.operation.OperationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ZStack v1 REST API at {@code /zstack/v1}: routes requests to operations, API job polling, the event stream,
 * the OpenAPI document and the index. Every error is answered as {@code {"error":{"code","description","details"}}}; unexpected failures
 * are logged with an id and answered with that id only.
 */
public final class RestServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(RestServlet.class);
    private static final SecureRandom IDS = new SecureRandom();

    private final transient RouteCatalog catalog;
    private final transient RestAuthenticator authenticator;
    private final transient ResponseWriter writer;
    private final transient OperationEndpoint operationEndpoint;
    private final transient ApiJobEndpoint jobEndpoint;
    private final transient EventStreamEndpoint eventEndpoint;

    /**
     * @param catalog         the routes to serve
     * @param operations      validates and runs operations
     * @param jobs            reads jobs
     * @param authentication  resolves sessions
     * @param maxRequestBytes the largest request body accepted
     * @param events          the event streams of this node
     * @param heartbeatMillis how often an event stream sends a keep-alive and checks its session
     */
    public RestServlet(RouteCatalog catalog, OperationService operations, JobService jobs,
                       AuthenticationService authentication, long maxRequestBytes,
                       EventStreams events, long heartbeatMillis) {
        this.catalog = catalog;
        this.authenticator = new RestAuthenticator(authentication);
        this.writer = new ResponseWriter(JsonMappers.zstack());
        this.operationEndpoint = new OperationEndpoint(operations,
                new JsonBodyReader(writer.mapper(), maxRequestBytes), writer);
        this.jobEndpoint = new ApiJobEndpoint(jobs, writer);
        this.eventEndpoint = new EventStreamEndpoint(events, authenticator, writer, heartbeatMillis);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long start = System.nanoTime();
        try {
            route(req, resp);
        } catch (ApiException e) {
            replyError(resp, e.error());
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            if (e instanceof IOException && resp.isCommitted()) {
                log.debug("{} {}: the client went away: {}", req.getMethod(), req.getRequestURI(), e.toString());
                return;
            }
            String id = newErrorId();
            log.error("internal error {} serving {} {}", id, req.getMethod(), req.getRequestURI(), e);
            replyError(resp, ApiError.of(ErrorCode.INTERNAL, "internal error " + id + "; see the management node log"));
        } finally {
            if (log.isDebugEnabled()) {
                log.debug("{} {} -> {} in {} ms", req.getMethod(), req.getRequestURI(), resp.getStatus(),
                        (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    private void route(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<String> segments = RequestPaths.apiSegments(req).orElseThrow(() -> noSuchApi(req));
        RouteMatch match = catalog.snapshot().table().lookup(req.getMethod(), segments);
        if (match.methodNotAllowed()) {
            resp.setHeader("Allow", String.join(", ", match.allowedMethods()));
            throw new ApiException(ErrorCode.METHOD_NOT_ALLOWED, req.getMethod() + " is not served at "
                    + req.getRequestURI() + "; allowed: " + String.join(", ", match.allowedMethods()));
        }
        if (!match.found()) {
            throw noSuchApi(req);
        }
        Route.Target target = match.route().target();
        if (target == Route.Builtin.INDEX) {
            Map<String, Object> index = new LinkedHashMap<>();
            index.put("name", "kumo");
            index.put("version", catalog.version());
            index.put("openapi", RequestPaths.API_ROOT + RouteTableBuilder.OPENAPI_PATH);
            writer.json(resp, HttpServletResponse.SC_OK, index);
        } else if (target == Route.Builtin.OPENAPI) {
            writer.rawJson(resp, HttpServletResponse.SC_OK, catalog.snapshot().openApiJson());
        } else if (target == Route.Builtin.API_JOB) {
            Caller caller = authenticator.resolve(req);
            RestAuthenticator.requireSession(caller, "polling an API job");
            jobEndpoint.handle(match.route().template().bind(segments).get("id"), req, resp);
        } else if (target == Route.Builtin.EVENTS) {
            eventEndpoint.handle(req, resp);
        } else {
            operationEndpoint.handle(match, authenticator.resolve(req), req, resp);
        }
    }

    private static ApiException noSuchApi(HttpServletRequest req) {
        return new ApiException(ErrorCode.NO_SUCH_API, "no API is served at " + req.getRequestURI()
                + "; see " + RequestPaths.API_ROOT + RouteTableBuilder.OPENAPI_PATH + " for the API list");
    }

    private void replyError(HttpServletResponse resp, ApiError error) throws IOException {
        if (resp.isCommitted()) {
            log.warn("cannot report error {} ({}): the reply was already sent", error.code(), error.details());
            return;
        }
        String allow = resp.getHeader("Allow");
        resp.reset();
        if (allow != null && error.httpStatus() == HttpServletResponse.SC_METHOD_NOT_ALLOWED) {
            resp.setHeader("Allow", allow);
        }
        writer.error(resp, error);
    }

    private static String newErrorId() {
        byte[] bytes = new byte[6];
        IDS.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
