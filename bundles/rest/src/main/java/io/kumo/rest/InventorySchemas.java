package io.kumo.rest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * OpenAPI schemas of inventory types, derived by reflection on record components. Records become named component
 * schemas referenced with {@code $ref}; other types are described inline.
 */
final class InventorySchemas {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode components;
    private final Map<Class<?>, String> names = new HashMap<>();
    private final Set<String> taken = new HashSet<>();

    /** @param components the {@code components.schemas} object new schemas are added to */
    InventorySchemas(ObjectNode components) {
        this.components = components;
        components.fieldNames().forEachRemaining(taken::add);
    }

    /** @param type a Java type @return its schema, a {@code $ref} for records */
    ObjectNode schemaFor(Type type) {
        if (type instanceof Class<?> c) {
            return classSchema(c);
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return array(schemaFor(args[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode map = NODES.objectNode().put("type", "object");
                map.set("additionalProperties", schemaFor(args[1]));
                return map;
            }
            return schemaFor(raw);
        }
        if (type instanceof GenericArrayType g) {
            return array(schemaFor(g.getGenericComponentType()));
        }
        if (type instanceof WildcardType w && w.getUpperBounds().length > 0) {
            return schemaFor(w.getUpperBounds()[0]);
        }
        return NODES.objectNode();
    }

    private ObjectNode classSchema(Class<?> c) {
        if (c == String.class || c == Character.class || c == char.class || c == java.util.UUID.class
                || CharSequence.class.isAssignableFrom(c)) {
            return NODES.objectNode().put("type", "string");
        }
        if (c == Boolean.class || c == boolean.class) {
            return NODES.objectNode().put("type", "boolean");
        }
        if (c == Integer.class || c == int.class || c == Short.class || c == short.class
                || c == Byte.class || c == byte.class) {
            return NODES.objectNode().put("type", "integer").put("format", "int32");
        }
        if (c == Long.class || c == long.class || c == BigInteger.class) {
            return NODES.objectNode().put("type", "integer").put("format", "int64");
        }
        if (c == Float.class || c == float.class) {
            return NODES.objectNode().put("type", "number").put("format", "float");
        }
        if (c == Double.class || c == double.class || c == BigDecimal.class || Number.class.isAssignableFrom(c)) {
            return NODES.objectNode().put("type", "number").put("format", "double");
        }
        if (Date.class.isAssignableFrom(c) || Temporal.class.isAssignableFrom(c)) {
            return NODES.objectNode().put("type", "string").put("format", "date-time")
                    .put("description", "written like " + io.kumo.api.inventory.WireFormat.DATE_PATTERN);
        }
        if (c.isEnum()) {
            ObjectNode schema = NODES.objectNode().put("type", "string");
            com.fasterxml.jackson.databind.node.ArrayNode values = schema.putArray("enum");
            for (Object constant : c.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return schema;
        }
        if (c.isArray()) {
            return array(schemaFor(c.getComponentType()));
        }
        if (Collection.class.isAssignableFrom(c)) {
            return array(NODES.objectNode());
        }
        if (Map.class.isAssignableFrom(c)) {
            return NODES.objectNode().put("type", "object").put("additionalProperties", true);
        }
        if (c.isRecord()) {
            return NODES.objectNode().put("$ref", "#/components/schemas/" + recordSchemaName(c));
        }
        return NODES.objectNode().put("type", "object");
    }

    private String recordSchemaName(Class<?> record) {
        String existing = names.get(record);
        if (existing != null) {
            return existing;
        }
        String name = record.getSimpleName();
        for (int i = 2; taken.contains(name); i++) {
            name = record.getSimpleName() + i;
        }
        names.put(record, name);
        taken.add(name);
        ObjectNode schema = NODES.objectNode().put("type", "object");
        components.set(name, schema);
        ObjectNode properties = schema.putObject("properties");
        for (RecordComponent component : record.getRecordComponents()) {
            properties.set(component.getName(), schemaFor(component.getGenericType()));
        }
        return name;
    }

    private static ObjectNode array(ObjectNode items) {
        ObjectNode schema = NODES.objectNode().put("type", "array");
        schema.set("items", items);
        return schema;
    }
}
