package io.kumo.itests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Quotas per account over REST on a real node with the simulator's backends: the admin shares an L3 network, an image
 * and an instance offering with a normal account and limits it with UpdateQuota; the tenant's creates and starts are
 * refused with 403 ID.1004 naming the quota and its numbers, nothing is written, and raising the quota lets them
 * through. The admin account is never limited. Moving a VM to another account (ChangeResourceOwner, V-22) moves its
 * volumes, its NICs and its usage with it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuotaIT {
    private static final long GIB = 1L << 30;
    private static final String QUOTA_EXCEEDED = "ID.1004";
    private KumoNode node;
    private Rest admin;
    private Rest tenant;
    private String tenantUuid;
    private String image;
    private String offering;
    private String l3;
    private String firstVm;
    private String secondVm;
    private String dataVolume;
    private String backupStorage;

    @BeforeAll
    void boot() throws Exception {
        node = KumoNode.install("quota").start();
        admin = node.rest().login();
        long deadline = System.currentTimeMillis() + 120_000;
        while (admin.get("/vm-instances").status() == 404 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250); // the compute bundle's operations come a few seconds after the kernel's
        }
        String zone = admin.createZone(unique("zone"), List.of()).path("uuid").asText();
        String cluster = created(admin, "/clusters", Map.of("zoneUuid", zone, "name", unique("c"), "hypervisorType", "Simulator"))
                .path("uuid").asText();
        created(admin, "/hosts/simulators", Map.of("name", unique("host"), "managementIp", "10.40.0.1", "clusterUuid", cluster,
                "cpuCapacity", 16, "memoryCapacity", 32 * GIB));
        String ps = created(admin, "/primary-storage/simulators", Map.of("name", "ps", "url", "/sim/ps", "zoneUuid", zone,
                "totalCapacity", 1024 * GIB, "availableCapacity", 1024 * GIB)).path("uuid").asText();
        created(admin, "/clusters/" + cluster + "/primary-storage/" + ps, Map.of());
        String bs = backupStorage = created(admin, "/backup-storage/simulators", Map.of("name", "bs", "url", "/sim/bs",
                "totalCapacity", 1024 * GIB, "availableCapacity", 1024 * GIB)).path("uuid").asText();
        created(admin, "/zones/" + zone + "/backup-storage/" + bs, Map.of());
        image = created(admin, "/images", Map.of("name", "img", "url", "http://example.com/img.qcow2?size=" + GIB,
                "format", "qcow2", "mediaType", "RootVolumeTemplate", "backupStorageUuids", List.of(bs))).path("uuid").asText();
        offering = created(admin, "/instance-offerings", Map.of("name", "small", "cpuNum", 1, "memorySize", GIB)).path("uuid").asText();
        String l2 = created(admin, "/l2-networks/no-vlan", Map.of("name", "l2", "zoneUuid", zone, "physicalInterface", "eth0"))
                .path("uuid").asText();
        created(admin, "/l2-networks/" + l2 + "/clusters/" + cluster, Map.of());
        l3 = created(admin, "/l3-networks", Map.of("name", "l3", "l2NetworkUuid", l2, "category", "Private")).path("uuid").asText();
        created(admin, "/l3-networks/" + l3 + "/ip-ranges", Map.of("name", "r", "startIp", "10.110.0.10", "endIp", "10.110.0.200",
                "netmask", "255.255.255.0", "gateway", "10.110.0.1"));

        String name = unique("tenant");
        tenantUuid = createAccount(name);
        ok(admin.put("/accounts/resources/actions", "shareResource", Map.of("resourceUuids", List.of(l3, image, offering),
                "accountUuids", List.of(tenantUuid))));
        tenant = new Rest(admin.base()).login(name, "pw");
    }

    @AfterAll
    void shutdown() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String unique(String prefix) { return prefix + "-" + UUID.randomUUID().toString().substring(0, 8); }

    private static JsonNode ok(Rest.Reply r) {
        assertEquals(200, r.status(), r.toString());
        return r.body();
    }

    private static JsonNode created(Rest as, String path, Map<String, ?> params) throws Exception {
        return ok(as.awaitJob(as.post(path, params, List.of(), List.of()))).path("inventory");
    }

    private Rest.Reply createVm(Rest as, String name) throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put("name", name);
        p.put("instanceOfferingUuid", offering);
        p.put("imageUuid", image);
        p.put("l3NetworkUuids", List.of(l3));
        return as.awaitJob(as.post("/vm-instances", p, List.of(), List.of()));
    }

    /** @return the uuid of a new normal account, whose password is "pw" */
    private String createAccount(String name) throws Exception {
        return ok(admin.post("/accounts", Map.of("name", name, "password", Rest.sha512("pw")), List.of(), List.of()))
                .path("inventory").path("uuid").asText();
    }

    private void setQuota(String name, long value) throws Exception {
        JsonNode q = ok(admin.put("/accounts/quotas/actions", "updateQuota", Map.of("identityUuid", tenantUuid, "name", name,
                "value", value))).path("inventory");
        assertEquals(value, q.path("value").asLong(), q.toString());
        assertEquals(tenantUuid, q.path("identityUuid").asText(), q.toString());
    }

    /** @return the tenant's usage of a quota: {total, used} */
    private long[] usage(String name) throws Exception {
        for (JsonNode u : ok(tenant.get("/accounts/quota/" + tenantUuid + "/usages")).path("usages")) {
            if (u.path("name").asText().equals(name)) {
                return new long[] {u.path("total").asLong(), u.path("used").asLong()};
            }
        }
        throw new AssertionError("no usage of " + name);
    }

    private long count(Rest as, String path) throws Exception {
        return ok(as.get(path, "count", "true")).path("total").asLong();
    }

    /** Asserts a 403 QUOTA_EXCEEDED whose details name the quota and the given numbers. */
    private static void refused(Rest.Reply r, String quota, String... numbers) {
        assertEquals(403, r.status(), r.toString());
        assertEquals(QUOTA_EXCEEDED, r.errorCode(), r.toString());
        String details = r.body().path("error").path("details").asText();
        assertTrue(details.contains("quota " + quota) && details.contains("UpdateQuota"), details);
        for (String n : numbers) {
            assertTrue(details.contains(n), n + " in: " + details);
        }
    }

    // ---------------------------------------------------------------- tests

    @Test
    @Order(1)
    void onlyTheAdminSetsQuotasAndATenantReadsItsOwn() throws Exception {
        long[] defaults = usage("vm.num");
        assertEquals(20, defaults[0], "the default of vm.num");
        assertEquals(0, defaults[1]);
        for (String name : List.of("vm.totalNum", "vm.cpuNum", "vm.memorySize", "volume.data.num", "volume.capacity", "image.num",
                "image.size", "eip.num")) {
            usage(name);
        }
        Rest.Reply bySelf = tenant.put("/accounts/quotas/actions", "updateQuota", Map.of("identityUuid", tenantUuid, "name", "vm.num",
                "value", 100));
        assertEquals(403, bySelf.status(), bySelf.toString());
        assertEquals("ID.1002", bySelf.errorCode());
        Rest.Reply others = tenant.get("/accounts/quota/36c27e8ff05c4780bf6d2fa65700f22e/usages");
        assertEquals(403, others.status(), others.toString());
        Rest.Reply unknown = admin.put("/accounts/quotas/actions", "updateQuota", Map.of("identityUuid", tenantUuid, "name", "vm.nums",
                "value", 1));
        assertEquals(400, unknown.status(), unknown.toString());
        Rest.Reply ofAdmin = admin.put("/accounts/quotas/actions", "updateQuota", Map.of("identityUuid",
                "36c27e8ff05c4780bf6d2fa65700f22e", "name", "vm.num", "value", 0));
        assertEquals(400, ofAdmin.status(), ofAdmin.toString());

        setQuota("vm.num", 1);
        JsonNode rows = ok(tenant.get("/accounts/quotas")).path("inventories");
        assertEquals(1, rows.size(), rows.toString());
        assertEquals("vm.num", rows.get(0).path("name").asText());
        assertEquals(1, rows.get(0).path("value").asLong());
        assertEquals(1, usage("vm.num")[0]);
    }

    @Test
    @Order(2)
    void aSecondRunningVmIsRefusedUntilTheQuotaIsRaised() throws Exception {
        Rest.Reply first = createVm(tenant, "q1");
        firstVm = ok(first).path("inventory").path("uuid").asText();
        assertEquals(1, usage("vm.num")[1]);
        long tenantVms = count(tenant, "/vm-instances");
        long allVms = count(admin, "/vm-instances");
        long allVolumes = count(admin, "/volumes");

        refused(createVm(tenant, "q2"), "vm.num", "limit 1", "used 1", "asks for 1 more", "1 over the limit");
        assertEquals(tenantVms, count(tenant, "/vm-instances"), "nothing written");
        assertEquals(allVms, count(admin, "/vm-instances"), "nothing written");
        assertEquals(allVolumes, count(admin, "/volumes"), "no volume either");

        // the admin account is never limited
        ok(createVm(admin, "admin-vm"));

        setQuota("vm.num", 2);
        secondVm = ok(createVm(tenant, "q2")).path("inventory").path("uuid").asText();
        assertEquals(2, usage("vm.num")[1]);
        assertEquals(2, usage("vm.totalNum")[1]);
        assertEquals(2 * GIB, usage("vm.memorySize")[1]);
    }

    @Test
    @Order(3)
    void memoryQuotaIsCheckedOnStart() throws Exception {
        JsonNode stopped = ok(tenant.awaitJob(tenant.put("/vm-instances/" + secondVm + "/actions", "stopVmInstance", Map.of("type", "grace"))))
                .path("inventory");
        assertEquals("Stopped", stopped.path("state").asText(), stopped.toString());
        assertEquals(GIB, usage("vm.memorySize")[1], "a stopped VM's memory does not count");
        assertEquals(2, usage("vm.totalNum")[1], "a stopped VM still counts in vm.totalNum");

        setQuota("vm.memorySize", GIB);
        refused(tenant.awaitJob(tenant.put("/vm-instances/" + secondVm + "/actions", "startVmInstance", Map.of())),
                "vm.memorySize", "limit " + GIB, "used " + GIB, "asks for " + GIB + " more");
        assertEquals("Stopped", ok(tenant.get("/vm-instances/" + secondVm)).path("inventories").get(0).path("state").asText());

        setQuota("vm.memorySize", 2 * GIB);
        JsonNode started = ok(tenant.awaitJob(tenant.put("/vm-instances/" + secondVm + "/actions", "startVmInstance", Map.of())))
                .path("inventory");
        assertEquals("Running", started.path("state").asText(), started.toString());
    }

    @Test
    @Order(4)
    void dataVolumeCapacityIsChecked() throws Exception {
        long used = usage("volume.capacity")[1];
        assertEquals(2 * GIB, used, "the root volumes of the tenant's two VMs");
        setQuota("volume.capacity", used + GIB);
        dataVolume = ok(tenant.awaitJob(tenant.post("/volumes/data", Map.of("name", "d1", "diskSize", GIB), List.of(), List.of())))
                .path("inventory").path("uuid").asText();
        assertEquals(1, usage("volume.data.num")[1]);
        long volumes = count(tenant, "/volumes");
        refused(tenant.awaitJob(tenant.post("/volumes/data", Map.of("name", "d2", "diskSize", 2 * GIB), List.of(), List.of())),
                "volume.capacity", "limit " + (used + GIB), "used " + (used + GIB), "asks for " + 2 * GIB + " more",
                2 * GIB + " over the limit");
        assertEquals(volumes, count(tenant, "/volumes"), "nothing written");

        setQuota("volume.data.num", 1);
        setQuota("volume.capacity", 100 * GIB);
        refused(tenant.awaitJob(tenant.post("/volumes/data", Map.of("name", "d3", "diskSize", GIB), List.of(), List.of())),
                "volume.data.num", "limit 1", "used 1");
    }

    @Test
    @Order(5)
    void growingARunningVmOrAVolumeIsChecked() throws Exception {
        String big = created(admin, "/instance-offerings", Map.of("name", "big", "cpuNum", 2, "memorySize", 2 * GIB)).path("uuid").asText();
        ok(admin.put("/accounts/resources/actions", "shareResource", Map.of("resourceUuids", List.of(big), "accountUuids", List.of(tenantUuid))));
        assertEquals(2 * GIB, usage("vm.memorySize")[1]);
        refused(tenant.awaitJob(tenant.put("/vm-instances/" + firstVm + "/actions", "changeInstanceOffering",
                Map.of("instanceOfferingUuid", big))), "vm.memorySize", "limit " + 2 * GIB, "asks for " + GIB + " more");
        assertEquals(GIB, ok(tenant.get("/vm-instances/" + firstVm)).path("inventories").get(0).path("memorySize").asLong(),
                "unchanged");

        long capacity = usage("volume.capacity")[1];
        setQuota("volume.capacity", capacity);
        refused(tenant.awaitJob(tenant.put("/volumes/data/resize/" + dataVolume + "/actions", "resizeDataVolume",
                Map.of("size", 2 * GIB))), "volume.capacity", "asks for " + GIB + " more");
    }

    private Rest.Reply addImage(String name) throws Exception {
        return tenant.awaitJob(tenant.post("/images", Map.of("name", name, "url", "http://example.com/" + name + ".qcow2?size=" + GIB,
                "format", "qcow2", "mediaType", "RootVolumeTemplate", "backupStorageUuids", List.of(backupStorage)), List.of(), List.of()));
    }

    private String imageStatus(String uuid) throws Exception {
        return ok(admin.get("/images/" + uuid)).path("inventories").get(0).path("status").asText();
    }

    @Test
    @Order(6)
    void imagesCountUntilTheRecycleBinAndAgainWhenRecovered() throws Exception {
        setQuota("image.num", 1);
        String mine = ok(addImage("mine")).path("inventory").path("uuid").asText();
        assertEquals(1, usage("image.num")[1]);
        assertEquals(GIB, usage("image.size")[1]);
        long images = count(admin, "/images");
        refused(addImage("second"), "image.num", "limit 1", "used 1", "asks for 1 more");
        assertEquals(images, count(admin, "/images"), "nothing written");

        ok(tenant.awaitJob(tenant.delete("/images/" + mine))); // the default deletion policy, Delay: to the recycle bin
        assertEquals("Deleted", imageStatus(mine));
        assertEquals(0, usage("image.num")[1], "an image in the recycle bin does not count");
        String other = ok(addImage("other")).path("inventory").path("uuid").asText();

        refused(tenant.awaitJob(tenant.put("/images/" + mine + "/actions", "recoverImage", Map.of())), "image.num", "limit 1",
                "used 1", "asks for 1 more");
        assertEquals("Deleted", imageStatus(mine), "still in the recycle bin");

        setQuota("image.size", GIB);
        setQuota("image.num", 2);
        refused(tenant.awaitJob(tenant.put("/images/" + mine + "/actions", "recoverImage", Map.of())), "image.size", "limit " + GIB,
                "used " + GIB, "asks for " + GIB + " more");
        setQuota("image.size", 2 * GIB);
        assertEquals("Ready", ok(tenant.awaitJob(tenant.put("/images/" + mine + "/actions", "recoverImage", Map.of())))
                .path("inventory").path("status").asText());
        assertEquals(2, usage("image.num")[1]);
        assertEquals("Ready", imageStatus(other));
    }

    private static List<String> uuids(JsonNode inventories, String field) {
        List<String> out = new ArrayList<>();
        inventories.forEach(i -> out.add(i.path(field).asText()));
        return out;
    }

    private static List<String> uuids(Rest.Reply r) { return uuids(ok(r).path("inventories"), "uuid"); }

    @Test
    @Order(7)
    void aVmChangesOwnerWithItsVolumesNicsAndUsage() throws Exception {
        String name = unique("receiver");
        String receiverUuid = createAccount(name);
        Rest receiver = new Rest(admin.base()).login(name, "pw");
        JsonNode vm = ok(tenant.get("/vm-instances/" + firstVm)).path("inventories").get(0);
        List<String> volumes = uuids(vm.path("allVolumes"), "uuid");
        List<String> nics = uuids(vm.path("vmNics"), "uuid");
        assertFalse(volumes.isEmpty() || nics.isEmpty(), vm.toString());
        long running = usage("vm.num")[1];
        long vcpus = usage("vm.cpuNum")[1];

        Rest.Reply byTenant = tenant.post("/account/" + receiverUuid + "/resources", Map.of("resourceUuid", firstVm), List.of(), List.of());
        assertEquals(403, byTenant.status(), "only the admin moves resources between accounts: " + byTenant);
        ok(admin.post("/account/" + receiverUuid + "/resources", Map.of("resourceUuid", firstVm), List.of(), List.of()));

        assertEquals(List.of(firstVm), uuids(receiver.get("/vm-instances")));
        assertTrue(uuids(receiver.get("/volumes")).containsAll(volumes), "the VM's volumes went with it");
        assertTrue(uuids(receiver.get("/vm-instances/nics")).containsAll(nics), "and its NICs");
        assertFalse(uuids(tenant.get("/vm-instances")).contains(firstVm));
        assertFalse(uuids(tenant.get("/volumes")).stream().anyMatch(volumes::contains));
        assertEquals(403, tenant.put("/vm-instances/" + firstVm + "/actions", "stopVmInstance", Map.of()).status(),
                "the former owner may no longer touch it");

        assertEquals(running - 1, usage("vm.num")[1], "the running VM no longer counts for its former owner");
        assertEquals(vcpus - vm.path("cpuNum").asLong(), usage("vm.cpuNum")[1]);
        JsonNode receiverUsage = ok(admin.get("/accounts/quota/" + receiverUuid + "/usages")).path("usages");
        long receiverRunning = -1;
        for (JsonNode u : receiverUsage) {
            if (u.path("name").asText().equals("vm.num")) {
                receiverRunning = u.path("used").asLong();
            }
        }
        assertEquals(1, receiverRunning, "the receiver's vm.num usage: " + receiverUsage);
    }

    @Test
    @Order(8)
    void concurrentCreatesOfOneAccountNeverGoOverItsQuota() throws Exception {
        String name = unique("racer");
        String racerUuid = createAccount(name);
        ok(admin.put("/accounts/quotas/actions", "updateQuota", Map.of("identityUuid", racerUuid, "name", "volume.data.num", "value", 2)));
        int clients = 6;
        List<Rest> sessions = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            sessions.add(new Rest(admin.base()).login(name, "pw"));
        }
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(clients);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        List<java.util.concurrent.Future<Rest.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Rest as = sessions.get(i);
            String volume = "race-" + i;
            replies.add(pool.submit(() -> {
                together.await();
                return as.awaitJob(as.post("/volumes/data", Map.of("name", volume, "diskSize", GIB), List.of(), List.of()));
            }));
        }
        int created = 0;
        for (java.util.concurrent.Future<Rest.Reply> f : replies) {
            Rest.Reply r = f.get(180, java.util.concurrent.TimeUnit.SECONDS);
            if (r.status() == 200) {
                created++;
            } else {
                refused(r, "volume.data.num", "limit 2");
            }
        }
        pool.shutdown();
        Rest racer = sessions.get(0);
        assertEquals(2, created, "of " + clients + " concurrent creates under volume.data.num = 2, exactly two get the units");
        assertEquals(2, count(racer, "/volumes"), "each refused create left nothing");
        refused(racer.awaitJob(racer.post("/volumes/data", Map.of("name", "over", "diskSize", GIB), List.of(), List.of())),
                "volume.data.num", "limit 2", "used 2");
    }
}
