package io.kumo.query;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.query.QueryOperator;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.tag.TagInventory;
import io.kumo.api.tag.TagService;
import io.kumo.api.tag.TagType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.blueprint.container.ServiceUnavailableException;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static io.kumo.query.QueryRequestParserTest.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JpaQueryServiceTest {
    private static EntityManagerFactory emf;

    private final JpaQueryService service = new JpaQueryService();
    private EntityManager em;

    private static Timestamp at(String localDateTime) {
        return Timestamp.valueOf(LocalDateTime.parse(localDateTime));
    }

    @BeforeAll
    static void createData() {
        emf = Persistence.createEntityManagerFactory("query-test",
                Map.of("eclipselink.logging.level.sql", System.getProperty("kumo.query.sql", "OFF")));
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        TestVm vm1 = new TestVm("vm1", "web-1", null, TestVmState.Running, 2, 1024L, true, 0.5,
                at("2024-01-01T00:00:00"), Set.of("prod", "web"));
        TestVm vm2 = new TestVm("vm2", "web-2", "second web", TestVmState.Stopped, 4, 2048L, false, 1.5,
                at("2024-02-01T00:00:00"), Set.of("web"));
        TestVm vm3 = new TestVm("vm3", "db-1", "primary db", TestVmState.Running, 8, 8_589_934_592L, true, 2.5,
                at("2024-03-01T00:00:00"), Set.of("prod"));
        TestVm vm4 = new TestVm("vm4", "batch_1", null, TestVmState.Paused, 1, 512L, null, null,
                at("2024-04-01T12:30:00"), Set.of());
        TestVm vm5 = new TestVm("vm5", "web%3", "", TestVmState.Stopped, 4, 4096L, false, 3.5,
                at("2024-05-01T00:00:00"), Set.of());
        for (TestVm vm : List.of(vm1, vm2, vm3, vm4, vm5)) {
            em.persist(vm);
        }
        em.persist(new TestNic("nic1", "10.0.0.1", vm1));
        em.persist(new TestNic("nic2", "10.0.0.2", vm1));
        em.persist(new TestNic("nic3", "10.0.1.1", vm2));
        em.persist(new TestNic("nic4", "192.168.0.1", vm4));
        em.persist(new TestNic("nic5", null, vm4));
        em.persist(new TestNic("nic6", "172.16.0.1", null));
        em.persist(new TestCounter(1, "one"));
        em.getTransaction().commit();
        em.close();
    }

    @AfterAll
    static void closeFactory() {
        emf.close();
    }

    @BeforeEach
    void openEntityManager() {
        em = emf.createEntityManager();
    }

    @AfterEach
    void closeEntityManager() {
        em.close();
    }

    private QueryResult<Object> vms(Object... params) {
        return service.query(em, TestVm.class, service.parse(request(params)), VmInventory::of);
    }

    private List<String> vmUuids(Object... params) {
        List<String> uuids = new ArrayList<>();
        for (Object row : vms(params).rows()) {
            uuids.add(((VmInventory) row).uuid());
        }
        return uuids;
    }

    private List<String> vmsWhere(String... conditions) {
        return vmUuids("q", List.of(conditions)).stream().sorted().toList();
    }

    private List<String> nicUuids(Object... params) {
        QueryResult<Object> result = service.query(em, TestNic.class, service.parse(request(params)),
                Function.<TestNic>identity());
        return result.rows().stream().map(r -> ((TestNic) r).getUuid()).toList();
    }

    private static String invalid(Runnable query) {
        ApiException e = assertThrows(ApiException.class, query::run);
        assertEquals(ErrorCode.INVALID_QUERY.code(), e.error().code());
        assertEquals(400, e.error().httpStatus());
        return e.error().details();
    }

    // ---- operators

    @Test
    void equalAndNotEqual() {
        assertEquals(List.of("vm1"), vmsWhere("name=web-1"));
        assertEquals(List.of("vm2", "vm5"), vmsWhere("cpuNum=4"));
        assertEquals(List.of("vm3"), vmsWhere("memorySize=8589934592"));
        assertEquals(List.of("vm1", "vm3"), vmsWhere("state=Running"));
        assertEquals(List.of("vm1", "vm3"), vmsWhere("ha=true"));
        assertEquals(List.of("vm2", "vm5"), vmsWhere("cpuUsage!=0.5", "cpuUsage!=2.5"));
        assertEquals(List.of("vm5"), vmsWhere("description="));
        // SQL semantics: != never matches a null
        assertEquals(List.of("vm2", "vm3"), vmsWhere("description!=", "description not null"));
        assertEquals(List.of("vm2", "vm3"), vmsWhere("description!="));
    }

    @Test
    void orderingOperators() {
        assertEquals(List.of("vm3"), vmsWhere("cpuNum>4"));
        assertEquals(List.of("vm2", "vm3", "vm5"), vmsWhere("cpuNum>=4"));
        assertEquals(List.of("vm1", "vm4"), vmsWhere("cpuNum<4"));
        assertEquals(List.of("vm4"), vmsWhere("cpuNum<=1"));
        assertEquals(List.of("vm3", "vm5"), vmsWhere("memorySize>2048"));
        assertEquals(List.of("vm2", "vm3"), vmsWhere("cpuUsage>1", "cpuUsage<3"));
        // "web%3" sorts before "web-3"
        assertEquals(List.of("vm1", "vm2", "vm5"), vmsWhere("name>=web", "name<web-3"));
    }

    @Test
    void inAndNotIn() {
        assertEquals(List.of("vm1", "vm4"), vmsWhere("uuid?=vm1,vm4,nope"));
        assertEquals(List.of("vm2", "vm3", "vm5"), vmsWhere("uuid!?=vm1,vm4"));
        assertEquals(List.of("vm1", "vm3", "vm4"), vmsWhere("state?=Running,Paused"));
        assertEquals(List.of("vm1", "vm4"), vmsWhere("cpuNum?=1,2"));
        assertEquals(List.of("vm2", "vm3", "vm5"), vmsWhere("cpuNum!?=1,2"));
    }

    @Test
    void likeAndNotLike() {
        assertEquals(List.of("vm1", "vm2", "vm5"), vmsWhere("name~=web%"));
        assertEquals(List.of("vm1", "vm2"), vmsWhere("name~=web-_"));
        assertEquals(List.of("vm3", "vm4"), vmsWhere("name!~=web%"));
        assertEquals(List.of("vm4"), vmsWhere("name~=%\\_%"));
    }

    @Test
    void nullTests() {
        assertEquals(List.of("vm1", "vm4"), vmsWhere("description is null"));
        assertEquals(List.of("vm2", "vm3", "vm5"), vmsWhere("description not null"));
        assertEquals(List.of("vm4"), vmsWhere("ha is null"));
    }

    @Test
    void timestampsInEveryForm() {
        long feb = at("2024-02-01T00:00:00").getTime();
        assertEquals(List.of("vm2"), vmsWhere("createDate=" + feb));
        assertEquals(List.of("vm4", "vm5"), vmsWhere("createDate>2024-03-01 00:00:00"));
        assertEquals(List.of("vm4"), vmsWhere("createDate=2024-04-01 12:30:00"));
        assertEquals(List.of("vm4"), vmsWhere("createDate=2024-04-01 12:30:00.000"));
        String iso = at("2024-03-01T00:00:00").toInstant().toString();
        assertEquals(List.of("vm1", "vm2", "vm3"), vmsWhere("createDate<=" + iso));
    }

    // ---- relationships

    @Test
    void joinsCollectionsWithoutRepeatingRows() {
        assertEquals(List.of("vm1"), vmsWhere("nics.ip=10.0.0.2"));
        // vm1 has two matching nics: one row, one count
        QueryResult<Object> result = vms("q", List.of("nics.ip~=10.0.%"), "replyWithCount", true);
        assertEquals(List.of("vm1", "vm2"), result.rows().stream().map(r -> ((VmInventory) r).uuid()).toList());
        assertEquals(2L, result.total());
        assertEquals(2L, vms("q", List.of("nics.ip~=10.0.%"), "count", true).total());
        // each condition has its own join, like ZStack's per-condition subqueries
        assertEquals(List.of("vm1"), vmsWhere("nics.ip=10.0.0.1", "nics.ip=10.0.0.2"));
        assertEquals(List.of("vm1", "vm2", "vm4"), vmsWhere("nics.uuid not null"));
    }

    @Test
    void readsEveryRowsCollectionWholeWhetherPagedOrListed() {
        // a page reads collections by IN batches, a list longer than 1,000 rows by one join: both give whole collections
        for (String limit : List.of("2", "5000")) {
            Map<String, List<String>> ips = new java.util.TreeMap<>();
            for (Object row : vms("sort", "+uuid", "limit", limit).rows()) {
                ips.put(((VmInventory) row).uuid(), ((VmInventory) row).nicIps());
            }
            List<String> withoutIp = new ArrayList<>();
            withoutIp.add(null);
            withoutIp.add("192.168.0.1");
            Map<String, List<String>> expected = new java.util.TreeMap<>(Map.of("vm1", List.of("10.0.0.1", "10.0.0.2"),
                    "vm2", List.of("10.0.1.1"), "vm3", List.of(), "vm4", withoutIp, "vm5", List.of()));
            expected.keySet().retainAll(ips.keySet());
            assertEquals(expected, ips, "limit " + limit);
        }
    }

    @Test
    void nullTestsOnRelationships() {
        // left join: vm3 and vm5 have no nic, vm4 has a nic without ip
        assertEquals(List.of("vm3", "vm4", "vm5"), vmsWhere("nics.ip is null"));
        assertEquals(List.of("vm3", "vm5"), vmsWhere("nics is null"));
        assertEquals(List.of("vm1", "vm2", "vm4"), vmsWhere("nics not null"));
        assertEquals(List.of("nic6"), nicUuids("q", List.of("vm is null")));
        assertEquals(List.of("nic6"), nicUuids("q", List.of("vm.uuid is null")));
    }

    @Test
    void followsSingleValuedRelationships() {
        assertEquals(List.of("nic1", "nic2", "nic4", "nic5"),
                nicUuids("q", List.of("vm.state?=Running,Paused"), "sort", "+uuid"));
        assertEquals(List.of("nic4", "nic5"), nicUuids("q", List.of("vm.nics.ip=192.168.0.1"), "sort", "+uuid"));
    }

    @Test
    void queriesValueCollections() {
        assertEquals(List.of("vm1", "vm3"), vmsWhere("labels=prod"));
        assertEquals(3L, vms("q", List.of("labels?=prod,web"), "count", true).total());
    }

    @Test
    void queriesEmbeddedFields() {
        assertEquals(List.of("vm2", "vm3", "vm5"), vmsWhere("quota.plan=gold"));
        assertEquals(List.of("vm1", "vm4"), vmsWhere("quota.maxNics<2"));
        // ties are broken by the id, ascending
        assertEquals(List.of("vm2", "vm3", "vm5", "vm1"), vmUuids("sort", "-quota.maxNics", "limit", 4));
        assertEquals("field 'quota' of TestVm is an embedded object; compare one of its fields (quota.<field>, "
                + "fields: maxNics, plan)", invalid(() -> vmsWhere("quota=gold")));
        assertEquals("unknown field 'tier' of TestQuota (in 'quota.tier' of TestVm); known fields of TestQuota: "
                + "maxNics, plan", invalid(() -> vmsWhere("quota.tier=1")));
    }

    // ---- paging, sorting, counting

    @Test
    void sortsAndPages() {
        assertEquals(List.of("vm3", "vm2", "vm5", "vm1", "vm4"), vmUuids("sort", "-cpuNum"));
        assertEquals(List.of("vm2", "vm5"), vmUuids("sort", "-cpuNum", "start", 1, "limit", 2));
        // batch_1, db-1, web%3, web-1, web-2
        assertEquals(List.of("vm4", "vm3", "vm5"), vmUuids("sortBy", "name", "limit", 3));
        assertEquals(List.of("vm2", "vm1"), vmUuids("sortBy", "name", "sortDirection", "desc", "limit", 2));
        assertEquals(List.of("vm1", "vm2", "vm3", "vm4", "vm5"), vmUuids());
        assertEquals(List.of(), vmUuids("start", 10));
    }

    @Test
    void sortsByRelatedFieldsEvenWithDistinctJoins() {
        // web-2, web-1, batch_1, then the nic without vm (H2 sorts nulls last when descending)
        assertEquals(List.of("nic3", "nic1", "nic2", "nic4", "nic5", "nic6"), nicUuids("sort", "-vm.name"));
        // a DISTINCT query (collection join) sorted by a field of the queried entity and paged
        assertEquals(List.of("vm2", "vm1"), vmUuids("q", List.of("nics.ip~=10.%"), "sort", "-name"));
        assertEquals(List.of("nic5", "nic4"), nicUuids("q", List.of("vm.nics.ip~=1%"), "sort", "-uuid", "limit", 2));
    }

    @Test
    void sortsByRelatedFieldsOfDistinctQueries() {
        // vm.nics joins a collection (DISTINCT) and the sort joins vm again
        assertEquals(List.of("nic4", "nic5", "nic1", "nic2", "nic3"),
                nicUuids("q", List.of("vm.nics.ip not null"), "sort", "+vm.name"));
        assertEquals(List.of("nic1", "nic2"),
                nicUuids("q", List.of("vm.nics.ip not null"), "sort", "+vm.name", "start", 2, "limit", 2));
    }

    @Test
    void countsAndRepliesWithCount() {
        QueryResult<Object> count = vms("q", List.of("state=Stopped"), "count", true);
        assertEquals(List.of(), count.rows());
        assertEquals(2L, count.total());
        QueryResult<Object> page = vms("q", List.of("cpuNum>1"), "limit", 2, "replyWithCount", true, "sort", "+uuid");
        assertEquals(List.of("vm1", "vm2"), page.rows().stream().map(r -> ((VmInventory) r).uuid()).toList());
        assertEquals(4L, page.total());
        assertNull(vms().total());
        QueryResult<Object> none = vms("limit", 0, "replyWithCount", true);
        assertEquals(List.of(), none.rows());
        assertEquals(5L, none.total());
    }

    // ---- fields

    @Test
    void projectsSelectedFieldsFromTheInventory() {
        QueryResult<Object> result = vms("q", List.of("uuid=vm1"), "fields", List.of("name,uuid", "createDate"));
        assertEquals(1, result.rows().size());
        @SuppressWarnings("unchecked")
        Map<String, Object> row = (Map<String, Object>) result.rows().get(0);
        assertEquals(List.of("name", "uuid", "createDate"), List.copyOf(row.keySet()));
        assertEquals("web-1", row.get("name"));
        assertEquals("vm1", row.get("uuid"));
        // projected dates use the wire format, as whole inventories do
        assertEquals(io.kumo.api.inventory.WireFormat.dateFormat().format(at("2024-01-01T00:00:00")), row.get("createDate"));
    }

    @Test
    void neverProjectsFieldsTheInventoryHides() {
        @SuppressWarnings("unchecked")
        Map<String, Object> row = (Map<String, Object>) vms("q", List.of("uuid=vm1"),
                "fields", List.of("uuid,secret")).rows().get(0);
        assertEquals(Map.of("uuid", "vm1"), row);
    }

    @Test
    void rejectsUnknownSelectedFields() {
        assertEquals("unknown field 'bogus' of TestVm; known fields: cpuNum, cpuUsage, createDate, description, "
                + "ha, labels, memorySize, name, nics, quota, secret, state, uuid",
                invalid(() -> vms("fields", List.of("uuid,bogus"))));
        assertTrue(invalid(() -> vms("fields", List.of("nics.ip"))).contains("not paths like 'nics.ip'"));
    }

    // ---- validation

    @Test
    void rejectsUnknownFields() {
        assertEquals("unknown field 'bogus' of TestVm; known fields: cpuNum, cpuUsage, createDate, description, "
                + "ha, labels, memorySize, name, nics, quota, secret, state, uuid", invalid(() -> vmsWhere("bogus=1")));
        assertEquals("unknown field 'mac' of TestNic (in 'nics.mac' of TestVm); known fields of TestNic: ip, uuid, vm",
                invalid(() -> vmsWhere("nics.mac=x")));
        assertTrue(invalid(() -> vmUuids("sort", "-bogus")).startsWith("unknown field 'bogus' of TestVm"));
        assertTrue(invalid(() -> vmsWhere("name.length=1"))
                .contains("field 'name' of TestVm is a value and has no field 'length'"));
    }

    @Test
    void rejectsValuesOfTheWrongType() {
        assertEquals("field 'cpuNum' expects an integer, got 'two'", invalid(() -> vmsWhere("cpuNum=two")));
        assertEquals("field 'cpuNum' expects an integer, got '99999999999'",
                invalid(() -> vmsWhere("cpuNum>99999999999")));
        assertEquals("field 'memorySize' expects a long integer, got '1.5'", invalid(() -> vmsWhere("memorySize=1.5")));
        assertEquals("field 'ha' expects a boolean (true or false), got 'yes'", invalid(() -> vmsWhere("ha=yes")));
        assertEquals("field 'ha' expects a boolean (true or false), got 'TRUE'", invalid(() -> vmsWhere("ha=TRUE")));
        assertEquals("field 'cpuUsage' expects a number, got 'NaN'", invalid(() -> vmsWhere("cpuUsage=NaN")));
        assertEquals("field 'state' expects one of Running, Stopped, Paused, got 'running'",
                invalid(() -> vmsWhere("state?=Running,running")));
        assertTrue(invalid(() -> vmsWhere("createDate>yesterday"))
                .startsWith("field 'createDate' expects a timestamp (epoch milliseconds"));
        assertTrue(invalid(() -> vmsWhere("createDate>2024-02-30 00:00:00")).contains("got '2024-02-30 00:00:00'"));
        assertTrue(invalid(() -> vmsWhere("nics.vm.cpuNum=x")).startsWith("field 'nics.vm.cpuNum' expects an integer"));
    }

    @Test
    void rejectsOperatorsThatDoNotApply() {
        assertTrue(invalid(() -> vmsWhere("cpuNum~=1%")).startsWith("operator '~=' applies to text fields only"));
        assertTrue(invalid(() -> vmsWhere("state!~=Run%")).startsWith("operator '!~=' applies to text fields only"));
        assertTrue(invalid(() -> vmsWhere("state>Running")).startsWith("operator '>' does not apply to field 'state'"));
        assertTrue(invalid(() -> vmsWhere("ha<=true")).startsWith("operator '<=' does not apply to field 'ha'"));
        assertTrue(invalid(() -> vmsWhere("nics=nic1")).contains("is a relationship"));
        assertTrue(invalid(() -> nicUuids("q", List.of("vm=vm1"))).contains("fields of TestVm: cpuNum"));
    }

    @Test
    void rejectsSortingByCollectionsAndRelationships() {
        assertTrue(invalid(() -> vmUuids("sort", "+nics.ip")).startsWith("cannot sort TestVm by 'nics.ip'"));
        assertTrue(invalid(() -> nicUuids("sort", "+vm")).startsWith("cannot sort TestNic by 'vm'"));
    }

    @Test
    void rejectsNegativePaging() {
        QueryRequest negative = new QueryRequest(List.of(), -1, 0, false, false, null, true, List.of());
        assertTrue(invalid(() -> service.query(em, TestVm.class, negative, VmInventory::of))
                .startsWith("limit and start must not be negative"));
    }

    // ---- tags

    /** Tags: vm1 has user tag "web", vm2 "web" and "db"; vm3 system tag "ha::NeverStop". */
    private static final class FakeTagService implements TagService {
        final List<String> calls = new ArrayList<>();
        RuntimeException failure;

        @Override
        public Set<String> resourcesWithTag(TagType type, QueryOperator operator, String value) {
            calls.add(type + " " + operator + " " + value);
            if (failure != null) {
                throw failure;
            }
            if (type == TagType.System) {
                return switch (operator) {
                    case EQ, LIKE -> value.startsWith("ha") ? Set.of("vm3") : Set.of();
                    case NOT_NULL -> Set.of("vm3");
                    default -> Set.of();
                };
            }
            return switch (operator) {
                case EQ -> "web".equals(value) ? Set.of("vm1", "vm2") : "db".equals(value) ? Set.of("vm2") : Set.of();
                case IN -> value.contains("db") ? Set.of("vm1", "vm2") : Set.of();
                case LIKE -> Set.of("vm1", "vm2");
                case NOT_NULL -> Set.of("vm1", "vm2", "other-resource");
                default -> throw new AssertionError("unexpected operator " + operator);
            };
        }

        @Override public List<TagInventory> attach(String t, String u, List<String> tags, TagType type) {
            throw new UnsupportedOperationException();
        }

        @Override public List<TagInventory> tagsOf(String resourceUuid) { throw new UnsupportedOperationException(); }

        @Override public void detachAll(String resourceUuid) { throw new UnsupportedOperationException(); }
    }

    @Test
    void tagConditionsRestrictUuids() {
        FakeTagService tags = new FakeTagService();
        service.setTagService(tags);
        assertEquals(List.of("vm1", "vm2"), vmsWhere("__userTag__=web"));
        assertEquals(List.of("vm2"), vmsWhere("__userTag__=web", "name=web-2"));
        assertEquals(List.of("vm1", "vm2"), vmsWhere("__userTag__?=db,x"));
        assertEquals(List.of("vm1", "vm2"), vmsWhere("__userTag__~=w%"));
        assertEquals(List.of("vm1", "vm2"), vmsWhere("__userTag__ not null"));
        assertEquals(List.of("vm3"), vmsWhere("__systemTag__=ha::NeverStop"));
        assertEquals(List.of(), vmsWhere("__userTag__=nobody"));
        assertEquals(List.of("User EQ web", "User EQ web", "User IN db,x", "User LIKE w%", "User NOT_NULL null",
                "System EQ ha::NeverStop", "User EQ nobody"), tags.calls);
    }

    @Test
    void negativeTagConditionsUseTheComplement() {
        FakeTagService tags = new FakeTagService();
        service.setTagService(tags);
        assertEquals(List.of("vm1", "vm3", "vm4", "vm5"), vmsWhere("__userTag__!=db"));
        assertEquals(List.of("vm3", "vm4", "vm5"), vmsWhere("__userTag__!?=db,x"));
        assertEquals(List.of("vm3", "vm4", "vm5"), vmsWhere("__userTag__!~=w%"));
        assertEquals(List.of("vm3", "vm4", "vm5"), vmsWhere("__userTag__ is null"));
        assertEquals(List.of("vm1", "vm2", "vm4", "vm5"), vmsWhere("__systemTag__ is null"));
        assertEquals(List.of("vm1", "vm2", "vm3", "vm4", "vm5"), vmsWhere("__systemTag__!=nothing"));
        assertEquals(List.of("User EQ db", "User IN db,x", "User LIKE w%", "User NOT_NULL null",
                "System NOT_NULL null", "System EQ nothing"), tags.calls);
        assertEquals(3L, vms("q", List.of("__userTag__ is null"), "count", true).total());
    }

    @Test
    void tagConditionsNeedTheTagService() {
        assertEquals("tag conditions need the tag service, which is not available; query without __userTag__ and "
                + "__systemTag__ conditions", invalid(() -> vmsWhere("__userTag__=web")));
        FakeTagService tags = new FakeTagService();
        tags.failure = new ServiceUnavailableException("gone", "(objectClass=io.kumo.api.tag.TagService)");
        service.bindTagService(tags);
        assertTrue(invalid(() -> vmsWhere("__systemTag__ not null")).startsWith("tag conditions need the tag service"));
        tags.failure = null;
        assertEquals(List.of("vm3"), vmsWhere("__systemTag__ not null"));
        service.unbindTagService(tags);
        assertTrue(invalid(() -> vmsWhere("__systemTag__ not null")).startsWith("tag conditions need the tag service"));
    }

    @Test
    void tagConditionsNeedAUuidAndAnEqualityOperator() {
        service.setTagService(new FakeTagService());
        assertEquals("__userTag__ conditions need resources with a uuid; TestCounter has none",
                invalid(() -> service.query(em, TestCounter.class, service.parse(request("q", List.of("__userTag__=x"))),
                        c -> c)));
        assertTrue(invalid(() -> vmsWhere("__userTag__>a")).startsWith("operator '>' does not apply to __userTag__"));
    }

    @Test
    void queriesOtherEntitiesByTheirOwnFields() {
        QueryResult<Object> result = service.query(em, TestCounter.class,
                service.parse(request("q", List.of("id>=1", "name=one"), "fields", List.of("name"))),
                c -> Map.of("id", c.getId(), "name", c.getName()));
        assertEquals(List.of(Map.of("name", "one")), result.rows());
    }
}
