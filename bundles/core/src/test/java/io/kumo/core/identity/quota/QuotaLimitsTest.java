package io.kumo.core.identity.quota;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuotaLimitsTest {
    private static final String A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    @Test
    void upToTheLimitPasses() {
        assertDoesNotThrow(() -> QuotaLimits.require("vm.num", A, 2, 1, 1));
        assertDoesNotThrow(() -> QuotaLimits.require("vm.num", A, 0, 5, 0));  // asking for nothing never fails
        assertDoesNotThrow(() -> QuotaLimits.require("vm.num", A, 0, 5, -1)); // shrinking never fails
        assertDoesNotThrow(() -> QuotaLimits.require("volume.capacity", A, Long.MAX_VALUE, Long.MAX_VALUE - 10, 10));
    }

    @Test
    void overTheLimitNamesQuotaNumbersAndWhatToDo() {
        ApiException e = assertThrows(ApiException.class, () -> QuotaLimits.require("vm.memorySize", A, 4096, 3072, 2048));
        assertEquals(ErrorCode.QUOTA_EXCEEDED.code(), e.error().code());
        assertEquals(403, ErrorCode.QUOTA_EXCEEDED.httpStatus());
        String m = e.error().details();
        assertTrue(m.contains("vm.memorySize") && m.contains("limit 4096") && m.contains("used 3072")
                && m.contains("asks for 2048 more") && m.contains("1024 over the limit"), m);
        assertTrue(m.contains("UpdateQuota") && m.contains("delete or stop resources"), m);
        assertTrue(m.contains(A), m);
    }

    @Test
    void alreadyOverOrAtZeroRefusesAnyGrowth() {
        assertThrows(ApiException.class, () -> QuotaLimits.require("vm.num", A, 0, 0, 1));
        ApiException e = assertThrows(ApiException.class, () -> QuotaLimits.require("vm.num", A, 1, 3, 1));
        assertTrue(e.error().details().contains("3 over the limit"), e.error().details());
    }

    @Test
    void hugeNumbersDoNotOverflow() {
        ApiException e = assertThrows(ApiException.class, () -> QuotaLimits.require("volume.capacity", A, 10, 5, Long.MAX_VALUE));
        assertTrue(e.error().details().contains("over the limit"), e.error().details());
    }
}
