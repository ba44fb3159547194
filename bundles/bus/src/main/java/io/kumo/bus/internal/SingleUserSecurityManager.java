package io.kumo.bus.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Set;

import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;

/**
 * Authenticates the one broker user of the Kumo management nodes; that user may do everything.
 * Avoids JAAS, whose login-module lookup depends on the thread context class loader under OSGi.
 */
public final class SingleUserSecurityManager implements ActiveMQSecurityManager {
    private final byte[] user;
    private final byte[] password;

    /**
     * @param user     the user name
     * @param password the password
     */
    public SingleUserSecurityManager(String user, String password) {
        this.user = Objects.requireNonNull(user, "user").getBytes(StandardCharsets.UTF_8);
        this.password = Objects.requireNonNull(password, "password").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean validateUser(String candidateUser, String candidatePassword) {
        if (candidateUser == null || candidatePassword == null) {
            return false;
        }
        // evaluate both comparisons so that timing does not tell which one failed
        boolean userMatches = MessageDigest.isEqual(user, candidateUser.getBytes(StandardCharsets.UTF_8));
        boolean passwordMatches = MessageDigest.isEqual(password, candidatePassword.getBytes(StandardCharsets.UTF_8));
        return userMatches & passwordMatches;
    }

    @Override
    public boolean validateUserAndRole(String candidateUser, String candidatePassword, Set<Role> roles,
                                       CheckType checkType) {
        return validateUser(candidateUser, candidatePassword);
    }
}
