package io.kumo.core.identity.ldap;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/** Validates what users give about LDAP (URLs, DNs, attribute names) and builds search filters safely. */
public final class LdapSyntax {
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,63}");
    private static final Pattern UPN = Pattern.compile("[^@\\s()*\\\\]+@[^@\\s()*\\\\]+");

    private LdapSyntax() { }

    /**
     * Escapes a value for an LDAP search filter (RFC 4515): {@code \ * ( )} and NUL become {@code \5c \2a \28 \29 \00},
     * so that a login name cannot change the filter (LDAP injection).
     *
     * @param value a value, such as a login name
     * @return the escaped value
     */
    public static String escapeFilterValue(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\5c");
                case '*' -> sb.append("\\2a");
                case '(' -> sb.append("\\28");
                case ')' -> sb.append("\\29");
                case '\0' -> sb.append("\\00");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * @param attribute the attribute holding login names (already validated)
     * @param login     the login name as typed
     * @return the filter finding that user: {@code (attribute=escaped-login)}
     */
    public static String userFilter(String attribute, String login) {
        return "(" + requireAttribute(attribute) + "=" + escapeFilterValue(login) + ")";
    }

    /**
     * @param url an LDAP URL
     * @return it, if it is {@code ldap://host[:port]} or {@code ldaps://host[:port]} (an optional trailing {@code /})
     * @throws ApiException INVALID_ARGUMENT otherwise, saying what is accepted
     */
    public static String requireUrl(String url) {
        String hint = "; give ldap://HOST[:PORT] or ldaps://HOST[:PORT], e.g. ldap://127.0.0.1:389";
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid("url '" + url + "' is not a URL" + hint);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("ldap") || scheme.equalsIgnoreCase("ldaps"))) {
            throw invalid("url '" + url + "' must use the scheme ldap or ldaps" + hint);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid("url '" + url + "' has no host" + hint);
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))) {
            throw invalid("url '" + url + "' must not have a user, a DN, a query or a fragment (the base DN is the parameter base)" + hint);
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw invalid("url '" + url + "' has an invalid port" + hint);
        }
        return url;
    }

    /**
     * @param param the parameter name, for the message
     * @param dn    a distinguished name
     * @return it, if it is a non-empty DN such as {@code dc=example,dc=com}
     * @throws ApiException INVALID_ARGUMENT otherwise
     */
    public static String requireDn(String param, String dn) {
        try {
            String t = dn == null ? "" : dn.trim();
            if (t.isEmpty() || (t.endsWith(",") && !t.endsWith("\\,"))) {
                throw invalid(param + " must be a distinguished name such as dc=example,dc=com");
            }
            LdapName name = new LdapName(t);
            if (name.isEmpty() || name.getRdns().stream().anyMatch(r -> r.getType().isBlank() || r.getValue().toString().isEmpty())) {
                throw invalid(param + " must be a distinguished name such as dc=example,dc=com");
            }
            return dn;
        } catch (InvalidNameException | IllegalArgumentException e) {
            throw invalid(param + " '" + dn + "' is not a distinguished name (e.g. dc=example,dc=com): " + e.getMessage());
        }
    }

    /**
     * @param username the name Kumo binds as to search users
     * @return it, if it is a DN or, for Active Directory, a user principal name ({@code admin@corp.example.com})
     * @throws ApiException INVALID_ARGUMENT otherwise
     */
    public static String requireBindName(String username) {
        if (username != null && UPN.matcher(username).matches()) {
            return username;
        }
        return requireDn("username", username);
    }

    /**
     * @param attribute an attribute name
     * @return it, if it is a plain attribute name such as {@code uid} or {@code sAMAccountName}
     * @throws ApiException INVALID_ARGUMENT otherwise
     */
    public static String requireAttribute(String attribute) {
        if (attribute == null || !ATTRIBUTE.matcher(attribute).matches()) {
            throw invalid("usernameProperty '" + attribute + "' is not an attribute name; use uid (OpenLDAP) or sAMAccountName (Active Directory)");
        }
        return attribute;
    }

    private static ApiException invalid(String message) { return new ApiException(ErrorCode.INVALID_ARGUMENT, message); }
}
