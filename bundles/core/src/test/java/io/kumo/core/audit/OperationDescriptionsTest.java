package io.kumo.core.audit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OperationDescriptionsTest {
    @Test
    void describesOperationsForPeople() {
        assertEquals("Create zone zone-1", OperationDescriptions.describe("CreateZone", "zone-1"));
        assertEquals("Delete VM instance 3f2a", OperationDescriptions.describe("DeleteVmInstance", "3f2a"));
        assertEquals("Attach L3 network to VM", OperationDescriptions.describe("AttachL3NetworkToVm", null));
        assertEquals("Log in by account admin", OperationDescriptions.describe("LogInByAccount", "admin"));
        assertEquals("Update zone", OperationDescriptions.describe("UpdateZone", " "));
    }
}
