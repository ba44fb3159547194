package io.kumo.template;

import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;

import java.util.Optional;

/** Persists greetings. {@link JpaGreetingStore} is the real one; the unit tests use an in-memory one. */
public interface GreetingStore {
    /** @param entity a new greeting */
    void create(GreetingEntity entity);

    /** @param uuid a uuid @return the greeting with it, if any */
    Optional<GreetingEntity> find(String uuid);

    /** @param name a name @return the greeting of that name, if any */
    Optional<GreetingEntity> findByName(String name);

    /** @param uuid a greeting @return true if it existed (so that a rollback may run twice) */
    boolean delete(String uuid);

    /** @param request a parsed query @return the page of inventories */
    QueryResult<Object> query(QueryRequest request);
}
