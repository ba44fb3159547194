package io.kumo.query;

import javax.persistence.metamodel.Attribute;
import javax.persistence.metamodel.EntityType;
import javax.persistence.metamodel.ManagedType;
import javax.persistence.metamodel.PluralAttribute;
import javax.persistence.metamodel.SingularAttribute;
import javax.persistence.metamodel.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Resolves field names and dotted paths of a query against the JPA metamodel of the queried entity. */
final class MetamodelFieldResolver {
    private MetamodelFieldResolver() { }

    /**
     * @param entity the queried entity
     * @param text   a field name or dotted path, such as {@code name} or {@code nics.ip}
     * @return the resolved path
     * @throws io.kumo.api.error.ApiException INVALID_QUERY for unknown fields, listing the known ones
     */
    static FieldPath resolve(EntityType<?> entity, String text) {
        String[] names = text.split("\\.", -1);
        List<Attribute<?, ?>> attributes = new ArrayList<>(names.length);
        ManagedType<?> current = entity;
        boolean throughCollection = false;
        boolean insideEmbedded = false;
        for (int i = 0; i < names.length; i++) {
            if (current == null) {
                Attribute<?, ?> previous = attributes.get(attributes.size() - 1);
                throw QueryErrors.invalid("field '" + previous.getName() + "' of "
                        + nameOf(previous.getDeclaringType()) + " is a value and has no field '" + names[i]
                        + "' (in '" + text + "')");
            }
            Attribute<?, ?> attribute = find(current, names[i]);
            if (attribute == null) {
                throw unknown(entity, current, names[i], text);
            }
            attributes.add(attribute);
            boolean last = i == names.length - 1;
            boolean joined = attribute.isCollection() || (!last && attribute.isAssociation());
            if (joined && insideEmbedded) {
                throw QueryErrors.invalid("cannot follow '" + attribute.getName() + "' inside an embedded field (in '"
                        + text + "' of " + nameOf(entity) + ")");
            }
            insideEmbedded |= attribute.getPersistentAttributeType() == Attribute.PersistentAttributeType.EMBEDDED;
            if (attribute instanceof PluralAttribute<?, ?, ?> plural) {
                Type<?> element = plural.getElementType();
                current = element instanceof ManagedType<?> managed ? managed : null;
                // an is-null test on the last attribute needs no join, any other use of a collection joins it
                throughCollection |= !last || current == null;
            } else {
                Type<?> type = ((SingularAttribute<?, ?>) attribute).getType();
                current = type instanceof ManagedType<?> managed ? managed : null;
            }
        }
        Attribute<?, ?> lastAttribute = attributes.get(attributes.size() - 1);
        return new FieldPath(text, attributes, endOf(lastAttribute), valueTypeOf(lastAttribute), throughCollection);
    }

    /**
     * @param entity the queried entity
     * @param name   a name
     * @return true if the entity has an attribute of that name
     */
    static boolean has(EntityType<?> entity, String name) {
        return find(entity, name) != null;
    }

    /** @param type an entity or embeddable @return its name as users know it */
    static String nameOf(ManagedType<?> type) {
        return type instanceof EntityType<?> e ? e.getName() : type.getJavaType().getSimpleName();
    }

    /** @param type an entity or embeddable @return its attribute names, sorted */
    static String knownFields(ManagedType<?> type) {
        return type.getAttributes().stream().map(Attribute::getName).sorted().collect(Collectors.joining(", "));
    }

    private static Attribute<?, ?> find(ManagedType<?> type, String name) {
        for (Attribute<?, ?> attribute : type.getAttributes()) {
            if (attribute.getName().equals(name)) {
                return attribute;
            }
        }
        return null;
    }

    private static RuntimeException unknown(EntityType<?> entity, ManagedType<?> owner, String name, String text) {
        if (owner == entity) {
            return QueryErrors.invalid("unknown field '" + text + "' of " + nameOf(entity) + "; known fields: "
                    + knownFields(entity));
        }
        return QueryErrors.invalid("unknown field '" + name + "' of " + nameOf(owner) + " (in '" + text + "' of "
                + nameOf(entity) + "); known fields of " + nameOf(owner) + ": " + knownFields(owner));
    }

    private static FieldPath.End endOf(Attribute<?, ?> attribute) {
        if (attribute instanceof PluralAttribute<?, ?, ?> plural) {
            return plural.getElementType() instanceof ManagedType<?> ? FieldPath.End.ENTITIES : FieldPath.End.VALUES;
        }
        return switch (attribute.getPersistentAttributeType()) {
            case EMBEDDED -> FieldPath.End.EMBEDDED;
            case MANY_TO_ONE, ONE_TO_ONE -> FieldPath.End.ENTITY;
            default -> FieldPath.End.VALUE;
        };
    }

    private static Class<?> valueTypeOf(Attribute<?, ?> attribute) {
        if (attribute instanceof PluralAttribute<?, ?, ?> plural) {
            return plural.getElementType().getJavaType();
        }
        return attribute.getJavaType();
    }
}
