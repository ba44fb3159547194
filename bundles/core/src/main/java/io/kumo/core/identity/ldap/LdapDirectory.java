package io.kumo.core.identity.ldap;

import io.kumo.api.config.GlobalConfigService;
import io.kumo.api.error.ApiException;

import javax.naming.AuthenticationException;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.InitialLdapContext;
import javax.naming.ldap.LdapContext;
import javax.naming.ldap.StartTlsRequest;
import javax.naming.ldap.StartTlsResponse;
import java.io.IOException;
import java.util.Hashtable;
import java.util.Optional;

/**
 * Talks to an LDAP server with plain JNDI: searches a user's entry as the server's bind DN, and checks a user's password
 * by binding as the user. Each call opens and closes its own connection. Errors name the server; passwords never
 * appear in them.
 */
public class LdapDirectory {
    private final GlobalConfigService config;

    /** A user's entry: its DN and its login name as the directory spells it. */
    public record LdapUser(String dn, String uid) { }

    /** @param config gives the connect and read timeouts */
    public LdapDirectory(GlobalConfigService config) { this.config = config; }

    /**
     * Binds as the server's bind DN, to check the settings.
     *
     * @throws ApiException SEARCH_CREDENTIALS_REFUSED or UNREACHABLE
     */
    public void checkSearchCredentials(LdapServerEntity server) {
        try {
            searchContext(server).close();
        } catch (NamingException e) {
            throw unreachable(server, e);
        }
    }

    /**
     * @param server the server
     * @param login  a login name, matched (escaped) against the server's {@code usernameProperty} under its base
     * @return the user's entry, or empty if no entry (or more than one) has that name
     * @throws ApiException SEARCH_CREDENTIALS_REFUSED, UNREACHABLE, or INVALID_ARGUMENT if the base DN does not exist
     */
    public Optional<LdapUser> findUser(LdapServerEntity server, String login) {
        LdapContext ctx = null;
        try {
            ctx = searchContext(server);
            SearchControls sc = new SearchControls();
            sc.setSearchScope(SearchControls.SUBTREE_SCOPE);
            sc.setCountLimit(2);
            sc.setReturningAttributes(new String[]{server.getUsernameProperty()});
            sc.setTimeLimit(timeout(LdapGlobalConfigs.READ_TIMEOUT));
            NamingEnumeration<SearchResult> results = ctx.search(server.getBase(),
                    LdapSyntax.userFilter(server.getUsernameProperty(), login), sc);
            SearchResult first = null;
            int n = 0;
            try {
                while (results.hasMore()) {
                    SearchResult r = results.next();
                    if (first == null) {
                        first = r;
                    }
                    n++;
                }
            } catch (javax.naming.SizeLimitExceededException e) {
                n = 2;
            } finally {
                results.close();
            }
            if (n != 1) {
                return Optional.empty();
            }
            Attribute a = first.getAttributes().get(server.getUsernameProperty());
            String uid = a == null || a.get() == null ? login : a.get().toString();
            return Optional.of(new LdapUser(first.getNameInNamespace(), uid));
        } catch (NameNotFoundException e) {
            throw ApiException.invalidArgument("the base DN " + server.getBase() + " of LDAP server " + server.getName()
                    + " (" + server.getUrl() + ") does not exist on the server; fix it with UpdateLdapServer");
        } catch (NamingException e) {
            throw unreachable(server, e);
        } finally {
            close(ctx);
        }
    }

    /**
     * @param server   the server
     * @param dn       the user's DN
     * @param password the user's password
     * @return true if the server accepts the password (an empty password is never accepted: it would be an anonymous bind)
     * @throws ApiException UNREACHABLE if the server cannot be asked
     */
    public boolean authenticate(LdapServerEntity server, String dn, String password) {
        if (password == null || password.isEmpty()) {
            return false;
        }
        try {
            close(open(server, dn, password));
            return true;
        } catch (AuthenticationException e) {
            return false;
        } catch (NamingException e) {
            throw unreachable(server, e);
        }
    }

    private LdapContext searchContext(LdapServerEntity server) throws NamingException {
        try {
            return open(server, server.getUsername(), server.getPassword());
        } catch (AuthenticationException e) {
            throw new ApiException(LdapErrors.SEARCH_CREDENTIALS_REFUSED, "LDAP server " + server.getName() + " (" + server.getUrl()
                    + ") refused the bind DN " + server.getUsername() + " or its password; fix them with UpdateLdapServer");
        }
    }

    private LdapContext open(LdapServerEntity server, String principal, String password) throws NamingException {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, server.getUrl());
        env.put(Context.REFERRAL, "ignore");
        env.put("com.sun.jndi.ldap.connect.timeout", Integer.toString(timeout(LdapGlobalConfigs.CONNECT_TIMEOUT)));
        env.put("com.sun.jndi.ldap.read.timeout", Integer.toString(timeout(LdapGlobalConfigs.READ_TIMEOUT)));
        boolean startTls = "TLS".equals(server.getEncryption()) && server.getUrl().regionMatches(true, 0, "ldap:", 0, 5);
        if (!startTls) {
            env.put(Context.SECURITY_AUTHENTICATION, "simple");
            env.put(Context.SECURITY_PRINCIPAL, principal);
            env.put(Context.SECURITY_CREDENTIALS, password == null ? "" : password);
            return new InitialLdapContext(env, null);
        }
        // StartTLS: connect, upgrade the connection, then bind over it
        LdapContext ctx = new InitialLdapContext(env, null);
        try {
            StartTlsResponse tls = (StartTlsResponse) ctx.extendedOperation(new StartTlsRequest());
            tls.negotiate();
            ctx.addToEnvironment(Context.SECURITY_AUTHENTICATION, "simple");
            ctx.addToEnvironment(Context.SECURITY_PRINCIPAL, principal);
            ctx.addToEnvironment(Context.SECURITY_CREDENTIALS, password == null ? "" : password);
            ctx.getAttributes("", new String[]{"1.1"});   // performs the bind now
            return ctx;
        } catch (IOException e) {
            close(ctx);
            NamingException ne = new javax.naming.CommunicationException("StartTLS failed: " + e.getMessage());
            ne.setRootCause(e);
            throw ne;
        } catch (NamingException | RuntimeException e) {
            close(ctx);
            throw e;
        }
    }

    private int timeout(String name) { return (int) config.longValue(LdapGlobalConfigs.CATEGORY, name); }

    private static ApiException unreachable(LdapServerEntity server, NamingException e) {
        String why = e.getExplanation() != null ? e.getExplanation() : e.getClass().getSimpleName();
        if (e.getRootCause() != null && e.getRootCause().getMessage() != null) {
            why += " (" + e.getRootCause().getMessage() + ")";
        }
        return new ApiException(LdapErrors.UNREACHABLE, "LDAP server " + server.getName() + " (" + server.getUrl()
                + ") cannot be used: " + why + "; check that it runs and that its url is right");
    }

    private static void close(Context ctx) {
        if (ctx != null) {
            try {
                ctx.close();
            } catch (NamingException ignored) {
                // the connection is gone either way
            }
        }
    }
}
