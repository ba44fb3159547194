package io.kumo.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kumo.api.error.ApiException;
import io.kumo.api.operation.Caller;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationService;
import io.kumo.api.operation.ParamType;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.Submission;
import io.kumo.api.query.StandardQueryParameters;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Serves the routes of operations: extracts parameters in ZStack's shapes (query string for GET and DELETE,
 * {@code {"params":{...}}} for POST, {@code {"<action>":{...}}} for PUT, path variables for all), submits them to the
 * {@link OperationService} and writes the result, the job location, or CSV.
 */
final class OperationEndpoint {
    private static final String PARAMS = "params";
    private static final String SYSTEM_TAGS = "systemTags";
    private static final String USER_TAGS = "userTags";
    private static final String FORMAT = "format";

    private final OperationService operations;
    private final JsonBodyReader bodies;
    private final ResponseWriter writer;
    private final CsvExport csv;

    /**
     * @param operations validates and runs operations
     * @param bodies     reads JSON bodies
     * @param writer     writes replies
     */
    OperationEndpoint(OperationService operations, JsonBodyReader bodies, ResponseWriter writer) {
        this.operations = operations;
        this.bodies = bodies;
        this.writer = writer;
        this.csv = new CsvExport(writer.mapper());
    }

    /** A request resolved to one operation. */
    private record Invocation(OperationDescriptor operation, Map<String, Object> params, List<String> systemTags,
                              List<String> userTags, boolean csv) { }

    /**
     * @param match  the matched route
     * @param caller the caller (anonymous if no session was sent)
     * @param req    the request
     * @param resp   the response
     * @throws IOException if the client went away
     */
    void handle(RouteMatch match, Caller caller, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Route route = match.route();
        Invocation call = switch (route.method()) {
            case "POST" -> fromPost((Route.OperationTarget) route.target(), route, match.segments(), req);
            case "PUT" -> fromPut((Route.ActionTarget) route.target(), route, match.segments(), req);
            default -> fromQueryString((Route.OperationTarget) route.target(), route, match.segments(), req);
        };
        // an anonymous caller of a non-public operation is refused (401) by the operation service, which audits it
        Submission submission = operations.submit(call.operation().name(), call.params(), call.systemTags(),
                call.userTags(), caller);
        if (submission == null) {
            throw new IllegalStateException("the operation service returned no submission for "
                    + call.operation().name());
        }
        if (submission.isJob()) {
            writer.json(resp, HttpServletResponse.SC_ACCEPTED,
                    Map.of("location", JobLocations.of(req, submission.jobId())));
            return;
        }
        Map<String, Object> body = submission.result() == null ? Map.of() : submission.result().body();
        if (call.csv()) {
            writer.csv(resp, csv.render(call.operation().inventoryType(), body));
        } else {
            writer.json(resp, HttpServletResponse.SC_OK, body);
        }
    }

    private Invocation fromQueryString(Route.OperationTarget target, Route route, List<String> segments,
                                       HttpServletRequest req) {
        OperationDescriptor d = target.operation();
        Map<String, List<String>> query = RequestPaths.parseQuery(req.getQueryString());
        boolean asCsv = false;
        if (d.kind() == OperationKind.QUERY) {
            asCsv = wantsCsv(query.remove(FORMAT), req.getHeader("Accept"));
        }
        List<String> systemTags = null;
        List<String> userTags = null;
        if (route.method().equals("DELETE")) {
            systemTags = query.remove(SYSTEM_TAGS);
            userTags = query.remove(USER_TAGS);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        query.forEach((name, values) -> params.put(name, queryValue(d, name, values)));
        Map<String, String> vars = route.template().bind(segments);
        if (target.uuidCondition()) {
            List<String> conditions = new ArrayList<>();
            Object q = params.get(StandardQueryParameters.Q);
            if (q instanceof List<?> list) {
                list.forEach(c -> conditions.add(String.valueOf(c)));
            }
            conditions.add(RouteTableBuilder.UUID + "=" + vars.get(RouteTableBuilder.UUID));
            params.put(StandardQueryParameters.Q, conditions);
        } else {
            params.putAll(vars);
        }
        return new Invocation(d, params, systemTags, userTags, asCsv);
    }

    /** Declared lists stay lists (one element per value, even for one value); other repeated names become lists. */
    private static Object queryValue(OperationDescriptor d, String name, List<String> values) {
        ParameterDescriptor p = d.parameters().get(name);
        if (p != null && p.type() == ParamType.STRING_LIST) {
            return new ArrayList<>(values);
        }
        return values.size() == 1 ? values.get(0) : new ArrayList<>(values);
    }

    private static boolean wantsCsv(List<String> format, String accept) {
        if (format != null) {
            String value = format.get(format.size() - 1).trim().toLowerCase(Locale.ROOT);
            return switch (value) {
                case "csv" -> true;
                case "json", "" -> false;
                default -> throw ApiException.invalidArgument("format must be json or csv, not '" + value + "'");
            };
        }
        return prefersCsv(accept);
    }

    /** True if Accept lists text/csv and does not rank application/json higher. */
    private static boolean prefersCsv(String accept) {
        if (accept == null) {
            return false;
        }
        double csvQ = -1;
        double jsonQ = -1;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String param = parts[i].trim();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (type.equals("text/csv")) {
                csvQ = Math.max(csvQ, q);
            } else if (type.equals("application/json")) {
                jsonQ = Math.max(jsonQ, q);
            }
        }
        return csvQ > 0 && csvQ >= jsonQ;
    }

    private Invocation fromPost(Route.OperationTarget target, Route route, List<String> segments,
                                HttpServletRequest req) throws IOException {
        OperationDescriptor d = target.operation();
        String expected = "{\"params\":{...},\"systemTags\":[...],\"userTags\":[...]} to POST "
                + RequestPaths.API_ROOT + route.template().text();
        ObjectNode body = bodies.read(req, expected);
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals(PARAMS) && !key.equals(SYSTEM_TAGS) && !key.equals(USER_TAGS)) {
                throw RestErrors.malformed("unexpected key '" + key + "' in the request body; send " + expected);
            }
        }
        JsonNode params = body.get(PARAMS);
        if (params == null || params.isNull()) {
            throw RestErrors.malformed("the request body has no \"params\" object; send " + expected);
        }
        if (!params.isObject()) {
            throw RestErrors.malformed("\"params\" must be a JSON object; send " + expected);
        }
        Map<String, Object> values = toMap(params);
        values.putAll(route.template().bind(segments));
        return new Invocation(d, values, tags(body, SYSTEM_TAGS), tags(body, USER_TAGS), false);
    }

    private Invocation fromPut(Route.ActionTarget target, Route route, List<String> segments,
                               HttpServletRequest req) throws IOException {
        String path = RequestPaths.API_ROOT + route.template().text();
        String keys = String.join(", ", target.actions().keySet());
        String expected = "{\"<action>\":{...}} to PUT " + path + ", where <action> is one of [" + keys + "]";
        ObjectNode body = bodies.read(req, expected);
        List<String> actionKeys = new ArrayList<>();
        body.fieldNames().forEachRemaining(k -> {
            if (!k.equals(SYSTEM_TAGS) && !k.equals(USER_TAGS)) {
                actionKeys.add(k);
            }
        });
        if (actionKeys.size() != 1) {
            throw RestErrors.malformed("the body of PUT " + path + " must have exactly one action key, one of ["
                    + keys + "]; got " + (actionKeys.isEmpty() ? "none" : actionKeys));
        }
        String key = actionKeys.get(0);
        Route.ActionBinding action = target.actions().get(key);
        if (action == null) {
            throw RestErrors.malformed("unknown action '" + key + "' for PUT " + path + "; valid actions: ["
                    + keys + "]");
        }
        JsonNode params = body.get(key);
        if (!params.isNull() && !params.isObject()) {
            throw RestErrors.malformed("\"" + key + "\" must be a JSON object of parameters");
        }
        Map<String, Object> values = params.isNull() ? new LinkedHashMap<>() : toMap(params);
        values.putAll(action.template().bind(segments));
        return new Invocation(action.operation(), values, tags(body, SYSTEM_TAGS), tags(body, USER_TAGS), false);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> toMap(JsonNode object) {
        ObjectMapper mapper = writer.mapper();
        return new LinkedHashMap<String, Object>(mapper.convertValue(object, LinkedHashMap.class));
    }

    private static List<String> tags(ObjectNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw ApiException.invalidArgument("\"" + name + "\" must be a list of strings");
        }
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : node) {
            if (!tag.isTextual()) {
                throw ApiException.invalidArgument("\"" + name + "\" must be a list of strings");
            }
            tags.add(tag.asText());
        }
        return tags;
    }
}
