package io.kumo.query;

import javax.persistence.metamodel.Attribute;
import java.util.List;

/**
 * A field or dotted path of an entity, checked against the JPA metamodel.
 *
 * @param text              the path as the client wrote it
 * @param attributes        the attributes along the path, from the entity to the last one
 * @param end               what the last attribute holds
 * @param valueType         the Java type values are compared with (the element type of a value collection)
 * @param throughCollection true if a join on the path may repeat rows of the queried entity
 */
record FieldPath(String text, List<Attribute<?, ?>> attributes, End end, Class<?> valueType,
                 boolean throughCollection) {

    /** What the last attribute of a path holds. */
    enum End {
        /** A single basic value. */
        VALUE,
        /** A collection of basic values (an element collection): each element is compared. */
        VALUES,
        /** A single related entity. */
        ENTITY,
        /** A collection of related entities or embeddables. */
        ENTITIES,
        /** An embedded object. */
        EMBEDDED
    }

    FieldPath {
        attributes = List.copyOf(attributes);
    }

    /** @return true if the path has more than one attribute */
    boolean dotted() { return attributes.size() > 1; }

    /** @return the last attribute */
    Attribute<?, ?> last() { return attributes.get(attributes.size() - 1); }
}
