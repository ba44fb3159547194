package io.kumo.compute.network.ipam;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IpRangeSpecTest {

    @Test
    void ipMaths() {
        assertEquals(0xC0A8010AL, Ipv4.parse("192.168.1.10", "ip"));
        assertEquals("192.168.1.10", Ipv4.format(0xC0A8010AL));
        assertEquals("255.255.255.255", Ipv4.format(Ipv4.parse("255.255.255.255", "ip")));
        assertEquals(24, Ipv4.prefixOf("255.255.255.0"));
        assertEquals(20, Ipv4.prefixOf("255.255.240.0"));
        assertEquals(Ipv4.parse("10.1.0.0", "ip"), Ipv4.network(Ipv4.parse("10.1.2.3", "ip"), 16));
        assertEquals(Ipv4.parse("10.1.255.255", "ip"), Ipv4.broadcast(Ipv4.parse("10.1.2.3", "ip"), 16));
        assertEquals("10.0.0.0/8", Ipv4.parseCidr("10.1.2.3/8", 8, 30).toString());
        for (String bad : List.of("1.2.3", "1.2.3.4.5", "256.1.1.1", "a.b.c.d", "1..2.3", "01.2.3.4", " 1.2.3.4", "")) {
            assertFalse(Ipv4.isValid(bad), bad);
        }
    }

    @ParameterizedTest(name = "{0}-{1}/{2} gw {3}: {4}")
    @CsvSource({
            "10.0.0.300, 10.0.0.20, 255.255.255.0, 10.0.0.1, startIp '10.0.0.300' is not a valid IPv4 address",
            "10.0.0.10, 10.0.0, 255.255.255.0, 10.0.0.1, endIp '10.0.0' is not a valid IPv4 address",
            "10.0.0.10, 10.0.0.20, 255.0.255.0, 10.0.0.1, not a contiguous netmask",
            "10.0.0.10, 10.0.0.20, 255.255.255.0, 10.0.0.x, gateway '10.0.0.x' is not a valid IPv4 address",
            "10.0.0.20, 10.0.0.10, 255.255.255.0, 10.0.0.1, is after endIp",
            "10.0.0.10, 10.0.1.20, 255.255.255.0, 10.0.0.1, is not inside one subnet",
            "10.0.0.0, 10.0.0.20, 255.255.255.0, 10.0.0.1, includes the network address",
            "10.0.0.10, 10.0.0.255, 255.255.255.0, 10.0.0.1, includes the network address 10.0.0.0 or the broadcast address 10.0.0.255",
            "10.0.0.10, 10.0.0.20, 255.255.255.0, 10.0.1.1, gateway 10.0.1.1 is not a host address of the range's subnet 10.0.0.0/24",
            "10.0.0.10, 10.0.0.20, 255.255.255.0, 10.0.0.15, gateway 10.0.0.15 is inside the range",
            "10.0.0.10, 10.0.0.20, 255.255.255.0, 10.0.0.10, gateway 10.0.0.10 is inside the range",
            "10.0.0.1, 10.0.0.2, 255.255.255.255, 10.0.0.3, use a netmask from /8",
            "10.0.0.1, 10.0.0.2, 255.255.255.254, 10.0.0.3, use a netmask from /8",
    })
    void badRangesAreRefusedWithAPreciseMessage(String start, String end, String mask, String gw, String message) {
        ApiException e = assertThrows(ApiException.class, () -> IpRangeSpec.of(start, end, mask, gw));
        assertEquals(ErrorCode.INVALID_ARGUMENT.code(), e.error().code());
        assertTrue(e.getMessage().contains(message) || e.error().details().contains(message), e.error().details());
    }

    @Test
    void aGoodRange() {
        IpRangeSpec s = IpRangeSpec.of("192.168.0.10", "192.168.0.200", "255.255.255.0", "192.168.0.1");
        assertEquals(24, s.prefix());
        assertEquals("192.168.0.0/24", s.networkCidr());
        assertEquals(191, s.size());
    }

    @ParameterizedTest(name = "{0} gw {1}")
    @CsvSource({
            "10.0.0.0/33, , use a prefix from /8 to /30",
            "10.0.0.0, , is not a valid IPv4 CIDR",
            "10.0.0/24, , is not a valid IPv4 CIDR",
            "10.0.0.0/7, , use a prefix from /8 to /30",
            "10.0.0.0/31, , use a prefix from /8 to /30",
            "10.0.0.0/24, 10.0.0.100, must be the first (10.0.0.1) or the last (10.0.0.254) host address",
            "10.0.0.0/24, 10.0.1.1, must be the first",
    })
    void badCidrs(String cidr, String gateway, String message) {
        ApiException e = assertThrows(ApiException.class, () -> IpRangeSpec.ofCidr(cidr, gateway));
        assertEquals(ErrorCode.INVALID_ARGUMENT.code(), e.error().code());
        assertTrue(e.error().details().contains(message), e.error().details());
    }

    @Test
    void cidrGatewayDefaultsToTheFirstHost() {
        IpRangeSpec s = IpRangeSpec.ofCidr("172.16.0.0/16", null);
        assertEquals("172.16.0.1", Ipv4.format(s.gateway()));
        assertEquals("172.16.0.2", Ipv4.format(s.start()));
        assertEquals("172.16.255.254", Ipv4.format(s.end()));
        IpRangeSpec last = IpRangeSpec.ofCidr("172.16.0.0/30", "172.16.0.2");
        assertEquals("172.16.0.1", Ipv4.format(last.start()));
        assertEquals("172.16.0.1", Ipv4.format(last.end()));
    }

    @Test
    void overlapIsAConflictNamingTheRange() {
        IpRangeSpec s = IpRangeSpec.of("10.0.0.50", "10.0.0.60", "255.255.255.0", "10.0.0.1");
        s.requireNoOverlap(List.of(new IpRangeSpec.Existing("u1", "r1", Ipv4.parse("10.0.0.10", "x"), Ipv4.parse("10.0.0.49", "x"))));
        ApiException e = assertThrows(ApiException.class, () -> s.requireNoOverlap(List.of(
                new IpRangeSpec.Existing("u2", "r2", Ipv4.parse("10.0.0.60", "x"), Ipv4.parse("10.0.0.70", "x")))));
        assertEquals(ErrorCode.CONFLICT.code(), e.error().code());
        assertTrue(e.error().details().contains("\"r2\" (u2"), e.error().details());
    }
}
