package io.kumo.compute.host;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The host state machine and management address validation. */
class HostStatesTest {
    @Test
    void stateEventsLeadToTheirStatesFromEveryStableState() {
        for (String from : new String[] {"Enabled", "Disabled", "Maintenance"}) {
            assertEquals("Enabled", HostStates.next(from, "enable"), from);
            assertEquals("Disabled", HostStates.next(from, "disable"), from);
            assertEquals("Maintenance", HostStates.next(from, "maintain"), from);
        }
    }

    @Test
    void nothingChangesAHostEnteringMaintenance() {
        for (String event : new String[] {"enable", "disable", "maintain"}) {
            ApiException e = assertThrows(ApiException.class, () -> HostStates.next("PreMaintenance", event));
            assertEquals(ErrorCode.INVALID_STATE.code(), e.error().code());
        }
    }

    @Test
    void managementAddressesAreIpAddressesOrHostNames() {
        for (String ok : new String[] {"192.168.0.10", "0.0.0.0", "255.255.255.255", "::1", "fe80::1", "2001:db8::8a2e:370:7334",
                "host-1", "kvm1.example.com", "a"}) {
            assertTrue(HostAddresses.isValid(ok), ok);
        }
        for (String bad : new String[] {"", "256.1.1.1", "1.2.3", "1.2.3.4.5", "host_1", "-host", "host-", "a..b", "exa mple",
                "1.2.3.4:22", "gggg::1", "http://h"}) {
            assertFalse(HostAddresses.isValid(bad), bad);
        }
        assertEquals(ErrorCode.INVALID_ARGUMENT.code(), assertThrows(ApiException.class, () -> HostAddresses.requireValid("1.2.3")).error().code());
    }
}
