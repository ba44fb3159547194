package io.kumo.query;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;

/** Builds the {@link ErrorCode#INVALID_QUERY} errors of this module. */
final class QueryErrors {
    /** The condition forms a client may send, quoted in syntax errors. */
    static final String ACCEPTED_FORMS = "field=value, field!=value, field>value, field<value, field>=value, "
            + "field<=value, field?=a,b,c (in), field!?=a,b,c (not in), field~=pattern (like, % and _ are wildcards), "
            + "field!~=pattern (not like), field is null, field not null";

    private QueryErrors() { }

    /** @param detail what is wrong and what to do @return an INVALID_QUERY exception */
    static ApiException invalid(String detail) {
        return new ApiException(ErrorCode.INVALID_QUERY, detail);
    }

    /**
     * @param condition the condition as sent
     * @param reason    what is wrong with it
     * @return an INVALID_QUERY exception quoting the condition and the accepted forms
     */
    static ApiException badCondition(String condition, String reason) {
        return invalid("invalid query condition '" + condition + "': " + reason + "; accepted forms: " + ACCEPTED_FORMS);
    }
}
