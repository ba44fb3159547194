package io.kumo.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.ParamType;
import io.kumo.api.operation.ParameterDescriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Generates the OpenAPI 3.0.3 document of the routes: one path item per route path, one operation per method,
 * parameters and request bodies in ZStack's shapes, and inventory schemas from the declared inventory types.
 */
final class OpenApiGenerator {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String JSON = "application/json";
    private static final String ERROR_REF = "#/components/schemas/ErrorReply";
    private static final String JOB_REF = "#/components/schemas/ApiJobLocation";
    private static final String SESSION_SCHEME = "session";
    private static final String SYSTEM_TAGS = "systemTags";
    private static final String USER_TAGS = "userTags";

    private OpenApiGenerator() { }

    /**
     * @param table   the routes
     * @param version the version of Kumo
     * @return the document
     */
    static ObjectNode generate(RouteTable table, String version) {
        ObjectNode doc = NODES.objectNode();
        doc.put("openapi", "3.0.3");
        doc.putObject("info").put("title", "Kumo API").put("version", version)
                .put("description", "Kumo operations in the ZStack v1 REST format. Asynchronous operations answer 202"
                        + " with a location to poll under /api-jobs.");
        doc.putArray("servers").addObject().put("url", RequestPaths.API_ROOT);
        ObjectNode components = doc.putObject("components");
        components.putObject("securitySchemes").putObject(SESSION_SCHEME)
                .put("type", "apiKey").put("in", "header").put("name", "Authorization")
                .put("description", "OAuth <session uuid>, with a session from PUT /accounts/login");
        ObjectNode schemas = components.putObject("schemas");
        addSharedSchemas(schemas);
        doc.putArray("security").addObject().putArray(SESSION_SCHEME);
        InventorySchemas inventories = new InventorySchemas(schemas);

        Map<String, ObjectNode> paths = new TreeMap<>();
        for (Route route : table.routes()) {
            if (route.target() == Route.Builtin.INDEX || route.target() == Route.Builtin.OPENAPI) {
                continue;
            }
            ObjectNode item = paths.computeIfAbsent(route.template().text(), p -> NODES.objectNode());
            item.set(route.method().toLowerCase(java.util.Locale.ROOT), operation(route, inventories));
        }
        ObjectNode pathsNode = doc.putObject("paths");
        paths.forEach(pathsNode::set);
        return doc;
    }

    private static void addSharedSchemas(ObjectNode schemas) {
        ObjectNode error = schemas.putObject("Error").put("type", "object");
        error.putArray("required").add("code").add("description");
        ObjectNode errorProps = error.putObject("properties");
        errorProps.putObject("code").put("type", "string").put("description", "stable code such as SYS.1007");
        errorProps.putObject("description").put("type", "string");
        errorProps.putObject("details").put("type", "string").put("description", "what went wrong and what to do");
        ObjectNode reply = schemas.putObject("ErrorReply").put("type", "object");
        reply.putArray("required").add("error");
        reply.putObject("properties").putObject("error").put("$ref", "#/components/schemas/Error");

        ObjectNode job = schemas.putObject("ApiJobLocation").put("type", "object");
        job.putArray("required").add("location");
        ObjectNode jobProps = job.putObject("properties");
        jobProps.putObject("location").put("type", "string").put("description", "URL of the job to poll with GET");
        jobProps.putObject("state").put("type", "string").putArray("enum")
                .add("Waiting").add("Running").add("RollingBack");
        jobProps.putObject("progress").put("type", "integer").put("minimum", 0).put("maximum", 100);
        jobProps.putObject("currentStep").put("type", "string");
        jobProps.putObject("progressMessage").put("type", "string");
    }

    private static ObjectNode operation(Route route, InventorySchemas inventories) {
        if (route.target() == Route.Builtin.API_JOB) {
            return apiJobOperation(route);
        }
        if (route.target() == Route.Builtin.EVENTS) {
            return eventsOperation();
        }
        if (route.target() instanceof Route.OperationTarget t) {
            return singleOperation(route, t, inventories);
        }
        return actionOperation(route, (Route.ActionTarget) route.target(), inventories);
    }

    private static ObjectNode apiJobOperation(Route route) {
        ObjectNode op = NODES.objectNode();
        op.put("operationId", "GetApiJob");
        op.put("summary", "Poll an asynchronous operation");
        op.putArray("tags").add("api-jobs");
        ArrayNode params = op.putArray("parameters");
        params.add(pathParameter("id", NODES.objectNode().put("type", "string"), "the job id"));
        ObjectNode responses = op.putObject("responses");
        responses.set("200", response("the job succeeded: its result", NODES.objectNode().put("type", "object")));
        responses.set("202", response("the job is still running", ref(JOB_REF)));
        addErrors(responses, false, "the job failed: its error");
        return op;
    }

    private static ObjectNode eventsOperation() {
        ObjectNode op = NODES.objectNode();
        op.put("operationId", "StreamEvents");
        op.put("summary", "Resource events of every node as Server-Sent Events (text/event-stream)");
        op.putArray("tags").add("events");
        ArrayNode params = op.putArray("parameters");
        params.add(NODES.objectNode().put("name", "session").put("in", "query")
                .put("description", "the session uuid, for clients that cannot send the Authorization header")
                .set("schema", NODES.objectNode().put("type", "string")));
        params.add(NODES.objectNode().put("name", "types").put("in", "query")
                .put("description", "comma-separated resource types to receive (default: all)")
                .set("schema", NODES.objectNode().put("type", "string")));
        ObjectNode responses = op.putObject("responses");
        ObjectNode stream = responses.putObject("200").put("description",
                "events: 'resource' (data: type, resourceType, resourceUuid, inventory, oldState, newState, time,"
                        + " nodeUuid), 'session-expired', 'overflow', 'shutdown'");
        stream.putObject("content").putObject("text/event-stream").putObject("schema").put("type", "string");
        addErrors(responses, true, "too many event streams are open on this node");
        return op;
    }

    private static ObjectNode singleOperation(Route route, Route.OperationTarget target, InventorySchemas inventories) {
        OperationDescriptor d = target.operation();
        ObjectNode op = header(d, target.uuidCondition() ? d.name() + "ByUuid" : d.name());
        List<String> pathVars = route.template().variableNames();
        ArrayNode params = op.putArray("parameters");
        for (String var : pathVars) {
            ParameterDescriptor p = target.uuidCondition() ? null : d.parameters().get(var);
            params.add(pathParameter(var, p == null ? NODES.objectNode().put("type", "string") : schema(p),
                    p == null ? "the uuid of the resource" : p.description()));
        }
        if (route.method().equals("GET") || route.method().equals("DELETE")) {
            for (ParameterDescriptor p : d.parameters().values()) {
                if (!pathVars.contains(p.name())) {
                    params.add(queryParameter(p));
                }
            }
            if (d.kind() == OperationKind.QUERY) {
                params.add(NODES.objectNode().put("name", "format").put("in", "query")
                        .put("description", "csv to get the inventories as CSV (same as Accept: text/csv)")
                        .set("schema", NODES.objectNode().put("type", "string")
                                .set("enum", NODES.arrayNode().add("json").add("csv"))));
            }
        } else {
            ObjectNode body = NODES.objectNode().put("type", "object");
            body.putArray("required").add("params");
            ObjectNode props = body.putObject("properties");
            props.set("params", paramsSchema(d, pathVars));
            addTagProperties(props);
            op.set("requestBody", requestBody(body));
        }
        op.set("responses", responses(d, inventories));
        return op;
    }

    private static ObjectNode actionOperation(Route route, Route.ActionTarget target, InventorySchemas inventories) {
        List<OperationDescriptor> ops = new ArrayList<>();
        target.actions().values().forEach(a -> ops.add(a.operation()));
        OperationDescriptor first = ops.get(0);
        String id = String.join("_", ops.stream().map(OperationDescriptor::name).toList());
        ObjectNode op = header(first, id);
        if (ops.size() > 1) {
            op.put("summary", "One of: " + String.join(", ", ops.stream().map(OperationDescriptor::name).toList()));
            op.put("description", "The single key of the body names the action: " + String.join("; ",
                    target.actions().entrySet().stream().map(e -> e.getKey() + " runs " + e.getValue().operation()
                            .name() + " (permission " + e.getValue().operation().permission() + ")").toList()));
            ArrayNode names = op.putArray("x-kumo-operations");
            ops.forEach(o -> names.add(o.name()));
        }
        List<String> pathVars = route.template().variableNames();
        ArrayNode params = op.putArray("parameters");
        for (String var : pathVars) {
            ParameterDescriptor p = first.parameters().get(var);
            params.add(pathParameter(var, p == null ? NODES.objectNode().put("type", "string") : schema(p),
                    p == null ? "" : p.description()));
        }
        List<ObjectNode> bodies = new ArrayList<>();
        target.actions().forEach((key, action) -> {
            ObjectNode body = NODES.objectNode().put("type", "object").put("title", action.operation().name());
            if (!action.operation().description().isEmpty()) {
                body.put("description", action.operation().description());
            }
            body.putArray("required").add(key);
            ObjectNode props = body.putObject("properties");
            props.set(key, paramsSchema(action.operation(), action.template().variableNames()));
            addTagProperties(props);
            bodies.add(body);
        });
        if (bodies.size() == 1) {
            op.set("requestBody", requestBody(bodies.get(0)));
        } else {
            ObjectNode oneOf = NODES.objectNode();
            bodies.forEach(oneOf.putArray("oneOf")::add);
            op.set("requestBody", requestBody(oneOf));
        }
        op.set("responses", responses(first, inventories));
        return op;
    }

    private static ObjectNode header(OperationDescriptor d, String operationId) {
        ObjectNode op = NODES.objectNode();
        op.put("operationId", operationId);
        op.put("summary", d.description().isEmpty() ? d.name() : d.description());
        op.put("description", "Operation " + d.name() + " (" + d.kind() + (d.async() ? ", asynchronous" : "")
                + "); access " + d.access() + ", permission " + d.permission() + "; shell command kumo:" + d.shellCommand());
        op.put("x-kumo-access", d.access().name());
        op.putArray("tags").add(d.resourceType() != null ? d.resourceType() : "system");
        if (d.isPublic()) {
            op.putArray("security");
        }
        return op;
    }

    private static ObjectNode paramsSchema(OperationDescriptor d, List<String> pathVars) {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        ObjectNode props = schema.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (ParameterDescriptor p : d.parameters().values()) {
            if (pathVars.contains(p.name())) {
                continue;
            }
            props.set(p.name(), schema(p));
            if (p.required()) {
                required.add(p.name());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    private static void addTagProperties(ObjectNode props) {
        props.set(SYSTEM_TAGS, stringArray("system tags to attach"));
        props.set(USER_TAGS, stringArray("user tags to attach"));
    }

    private static ObjectNode stringArray(String description) {
        ObjectNode schema = NODES.objectNode().put("type", "array").put("description", description);
        schema.putObject("items").put("type", "string");
        return schema;
    }

    private static ObjectNode pathParameter(String name, ObjectNode schema, String description) {
        ObjectNode p = NODES.objectNode().put("name", name).put("in", "path").put("required", true);
        if (description != null && !description.isEmpty()) {
            p.put("description", description);
        }
        schema.remove("description");
        p.set("schema", schema);
        return p;
    }

    private static ObjectNode queryParameter(ParameterDescriptor d) {
        ObjectNode p = NODES.objectNode().put("name", d.name()).put("in", "query").put("required", d.required());
        if (!d.description().isEmpty()) {
            p.put("description", d.description());
        }
        if (d.type() == ParamType.STRING_LIST) {
            p.put("style", "form").put("explode", true);
        }
        ObjectNode schema = schema(d);
        schema.remove("description");
        p.set("schema", schema);
        return p;
    }

    /** @param p a parameter @return its JSON schema: type, format, enum, range, pattern, default */
    static ObjectNode schema(ParameterDescriptor p) {
        ObjectNode s = NODES.objectNode();
        switch (p.type()) {
            case STRING, UUID -> {
                s.put("type", "string");
                if (p.type() == ParamType.UUID) {
                    s.put("pattern", "^[0-9a-fA-F]{32}$");
                }
                addStringRules(s, p);
            }
            case INTEGER -> addNumberRules(s.put("type", "integer").put("format", "int32"), p);
            case LONG -> addNumberRules(s.put("type", "integer").put("format", "int64"), p);
            case DOUBLE -> addNumberRules(s.put("type", "number").put("format", "double"), p);
            case BOOLEAN -> s.put("type", "boolean");
            case STRING_LIST -> {
                s.put("type", "array");
                ObjectNode items = s.putObject("items").put("type", "string");
                addStringRules(items, p);
            }
            case MAP -> s.put("type", "object").put("additionalProperties", true);
            case JSON -> { }
            default -> s.put("type", "string");
        }
        if (!p.description().isEmpty()) {
            s.put("description", p.description());
        }
        addDefault(s, p);
        return s;
    }

    private static void addStringRules(ObjectNode s, ParameterDescriptor p) {
        if (p.pattern() != null && p.type() != ParamType.UUID) {
            s.put("pattern", p.pattern());
        }
        if (p.min() != null) {
            s.put("minLength", p.min());
        }
        if (p.max() != null) {
            s.put("maxLength", p.max());
        }
        if (!p.allowedValues().isEmpty()) {
            ArrayNode values = s.putArray("enum");
            p.allowedValues().forEach(values::add);
        }
        if (p.secret()) {
            s.put("format", "password");
        }
    }

    private static void addNumberRules(ObjectNode s, ParameterDescriptor p) {
        if (p.min() != null) {
            s.put("minimum", p.min());
        }
        if (p.max() != null) {
            s.put("maximum", p.max());
        }
        if (!p.allowedValues().isEmpty()) {
            ArrayNode values = s.putArray("enum");
            for (String v : p.allowedValues()) {
                try {
                    values.add(Double.parseDouble(v));
                } catch (NumberFormatException e) {
                    values.add(v);
                }
            }
        }
    }

    private static void addDefault(ObjectNode s, ParameterDescriptor p) {
        String value = p.defaultValue();
        if (value == null) {
            return;
        }
        try {
            switch (p.type()) {
                case INTEGER, LONG -> s.put("default", Long.parseLong(value.trim()));
                case DOUBLE -> s.put("default", Double.parseDouble(value.trim()));
                case BOOLEAN -> s.put("default", Boolean.parseBoolean(value.trim()));
                case STRING_LIST -> {
                    ArrayNode values = s.putArray("default");
                    for (String v : value.split(",")) {
                        values.add(v.trim());
                    }
                }
                case MAP, JSON -> { }
                default -> s.put("default", value);
            }
        } catch (NumberFormatException e) {
            // a default that does not parse is left out of the document
        }
    }

    private static ObjectNode responses(OperationDescriptor d, InventorySchemas inventories) {
        ObjectNode responses = NODES.objectNode();
        ObjectNode result = resultSchema(d, inventories);
        ObjectNode ok = response(d.async() ? "the result (from the job location when the operation is asynchronous)"
                : "the result", result);
        if (d.kind() == OperationKind.QUERY) {
            ((ObjectNode) ok.get("content")).putObject("text/csv").putObject("schema").put("type", "string");
        }
        responses.set("200", ok);
        if (d.async()) {
            responses.set("202", response("accepted: poll the location until the job finishes", ref(JOB_REF)));
        }
        addErrors(responses, !d.isPublic(), "the operation failed or is not available");
        return responses;
    }

    private static ObjectNode resultSchema(OperationDescriptor d, InventorySchemas inventories) {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        if (d.inventoryType() == null) {
            return schema.put("additionalProperties", true);
        }
        ObjectNode props = schema.putObject("properties");
        ObjectNode inventory = inventories.schemaFor(d.inventoryType());
        if (d.kind() == OperationKind.QUERY) {
            ObjectNode list = props.putObject("inventories").put("type", "array");
            list.set("items", inventory);
            props.putObject("total").put("type", "integer").put("format", "int64");
        } else {
            props.set("inventory", inventory);
        }
        return schema;
    }

    private static void addErrors(ObjectNode responses, boolean needsSession, String unavailable) {
        responses.set("400", response("invalid request or arguments", ref(ERROR_REF)));
        responses.set("401", response(needsSession ? "no valid session" : "invalid session", ref(ERROR_REF)));
        responses.set("404", response("no such API or resource", ref(ERROR_REF)));
        responses.set("503", response(unavailable, ref(ERROR_REF)));
    }

    private static ObjectNode requestBody(ObjectNode schema) {
        ObjectNode body = NODES.objectNode().put("required", true);
        body.putObject("content").putObject(JSON).set("schema", schema);
        return body;
    }

    private static ObjectNode response(String description, ObjectNode schema) {
        ObjectNode r = NODES.objectNode().put("description", description);
        r.putObject("content").putObject(JSON).set("schema", schema);
        return r;
    }

    private static ObjectNode ref(String target) {
        return NODES.objectNode().put("$ref", target);
    }
}
