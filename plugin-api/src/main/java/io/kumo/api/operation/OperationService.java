package io.kumo.api.operation;

import java.util.List;
import java.util.Map;

/**
 * The one entry point through which REST, the shell, the bus and plugins invoke operations: it validates parameters
 * against the declaration, checks the permission, and runs the operation where it is owned.
 */
public interface OperationService {
    /**
     * Validates and submits an operation.
     *
     * @param operation  the operation name
     * @param rawParams  parameters as received (JSON values or strings); converted to the declared types
     * @param systemTags system tags, may be null
     * @param userTags   user tags, may be null
     * @param caller     who calls
     * @return the result, or the id of the job running it
     * @throws io.kumo.api.error.ApiException for unknown operations, invalid parameters, refusals
     */
    Submission submit(String operation, Map<String, Object> rawParams, List<String> systemTags, List<String> userTags,
                      Caller caller);
}
