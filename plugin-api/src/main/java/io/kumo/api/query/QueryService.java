package io.kumo.api.query;

import javax.persistence.EntityManager;
import io.kumo.api.operation.OperationRequest;
import java.util.function.Function;

/**
 * Runs ZStack-style queries against JPA entities, so every resource's query operation behaves the same:
 * conditions on the entity's attributes and on dotted paths through its relationships, the special fields
 * {@code __userTag__} and {@code __systemTag__} (match tags of the resource), paging, sorting and counting.
 */
public interface QueryService {
    /**
     * Reads the standard query parameters of a {@link io.kumo.api.operation.OperationKind#QUERY} operation
     * (see {@link StandardQueryParameters}): conditions {@code q} such as {@code name=zone1}, {@code uuid?=a,b},
     * {@code name~=%web%}, {@code description is null}; {@code limit}, {@code start}, {@code count},
     * {@code replyWithCount}, {@code sort=+field|-field} (or {@code sortBy} and {@code sortDirection}),
     * {@code fields=a,b}.
     *
     * @param request the validated request of a query operation
     * @return the query
     * @throws io.kumo.api.error.ApiException ({@code INVALID_QUERY}) for malformed conditions
     */
    QueryRequest parse(OperationRequest request);

    /**
     * Runs a query. Fields are validated against the entity: unknown fields are a 400.
     *
     * @param em       the entity manager of the caller's persistence unit
     * @param entity   the entity class queried
     * @param request  the query
     * @param toInventory maps an entity to its inventory
     * @param <E>      the entity type
     * @return the page (inventories, or maps of the chosen {@code fields}) and, if asked, the total
     * @throws io.kumo.api.error.ApiException for unknown fields and values of the wrong type
     */
    <E> QueryResult<Object> query(EntityManager em, Class<E> entity, QueryRequest request, Function<E, ?> toInventory);
}
