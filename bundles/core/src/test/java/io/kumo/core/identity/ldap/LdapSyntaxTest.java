package io.kumo.core.identity.ldap;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LdapSyntaxTest {

    @Test
    void loginNamesCannotChangeTheFilter() {
        assertEquals("(uid=alice)", LdapSyntax.userFilter("uid", "alice"));
        // the classic injections: a wildcard matching everyone, and closing the filter to add a clause
        assertEquals("(uid=\\2a)", LdapSyntax.userFilter("uid", "*"));
        assertEquals("(uid=alice\\29\\28|\\28uid=\\2a\\29)", LdapSyntax.userFilter("uid", "alice)(|(uid=*)"));
        assertEquals("(uid=a\\5c2a\\00b)", LdapSyntax.userFilter("uid", "a\\2a\0b"));
        assertEquals("(sAMAccountName=jürgen.o'neil)", LdapSyntax.userFilter("sAMAccountName", "jürgen.o'neil"));
        String escaped = LdapSyntax.escapeFilterValue("*)(objectClass=*");
        assertTrue(escaped.chars().noneMatch(c -> c == '*' || c == '(' || c == ')'), escaped);
    }

    @Test
    void attributeNamesAreValidated() {
        assertEquals("sAMAccountName", LdapSyntax.requireAttribute("sAMAccountName"));
        for (String bad : new String[]{"", "uid)(cn", "1uid", "u id", "uid=*", null}) {
            ApiException e = assertThrows(ApiException.class, () -> LdapSyntax.requireAttribute(bad), String.valueOf(bad));
            assertEquals(ErrorCode.INVALID_ARGUMENT.code(), e.error().code());
        }
    }

    @Test
    void urlsAreLdapOrLdapsWithAHost() {
        for (String ok : new String[]{"ldap://127.0.0.1:389", "ldaps://ad.example.com:636", "ldap://ldap.example.com", "LDAP://h:3389/"}) {
            assertEquals(ok, LdapSyntax.requireUrl(ok));
        }
        for (String bad : new String[]{"http://127.0.0.1:389", "127.0.0.1:389", "ldap://", "ldap:///dc=x", "ldap://h:389/dc=example,dc=com",
                "ldap://u:p@h:389", "ldap://h:389?x", "ldap://h:99999", "ldap://h:0", "ldap ://h", "file:///etc/passwd"}) {
            ApiException e = assertThrows(ApiException.class, () -> LdapSyntax.requireUrl(bad), bad);
            assertEquals(ErrorCode.INVALID_ARGUMENT.code(), e.error().code(), bad);
            assertTrue(e.getMessage().contains("ldap://"), e.getMessage());
        }
    }

    @Test
    void baseAndBindNamesAreDistinguishedNames() {
        assertEquals("dc=kumo,dc=test", LdapSyntax.requireDn("base", "dc=kumo,dc=test"));
        assertEquals("cn=admin,dc=kumo,dc=test", LdapSyntax.requireBindName("cn=admin,dc=kumo,dc=test"));
        assertEquals("admin@corp.example.com", LdapSyntax.requireBindName("admin@corp.example.com"), "AD user principal name");
        for (String bad : new String[]{"", " ", "kumo", "dc=kumo,", "=kumo", "dc=kumo,,dc=test"}) {
            ApiException e = assertThrows(ApiException.class, () -> LdapSyntax.requireDn("base", bad), bad);
            assertEquals(ErrorCode.INVALID_ARGUMENT.code(), e.error().code(), bad);
            assertTrue(e.error().details().startsWith("base"), e.getMessage());
        }
        assertThrows(ApiException.class, () -> LdapSyntax.requireBindName("a*)(b@x"));
    }

    @Test
    void theServerPasswordNeverShowsInTextOrInventory() {
        LdapServerEntity s = new LdapServerEntity();
        s.setUuid("0123456789abcdef0123456789abcdef");
        s.setName("lab");
        s.setUrl("ldap://127.0.0.1:3389");
        s.setUsername("cn=admin,dc=kumo,dc=test");
        s.setPassword("s3cret-Pa55");
        assertTrue(!s.toString().contains("s3cret"), s.toString());
        assertTrue(!s.toInventory().toString().contains("s3cret"), s.toInventory().toString());
        assertTrue(!s.copy().toString().contains("s3cret"));
        assertEquals("s3cret-Pa55", s.copy().getPassword());
    }
}
