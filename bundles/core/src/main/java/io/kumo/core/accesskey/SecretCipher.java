package io.kumo.core.accesskey;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts secrets that must be read back (access-key secrets, TOTP secrets: HMAC needs them in clear) with AES-256-GCM
 * under a key kept in a file outside the database ({@code <dataDir>/secrets.key}, mode 0600, created on first use).
 * A database dump alone does not reveal them. Several management nodes sharing a database need the same key file.
 */
public class SecretCipher {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SecretCipher.class);
    private static final String PREFIX = "aesgcm$";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Path keyFile;
    private volatile SecretKey key;

    /** @param dataDir the node's data directory */
    public SecretCipher(String dataDir) { this.keyFile = Path.of(dataDir, "secrets.key"); }

    /** For tests: a fixed key. */
    SecretCipher(SecretKey key) {
        this.keyFile = null;
        this.key = key;
    }

    /** @param clear a secret @return its stored form */
    public String encrypt(String clear) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, iv));
            byte[] ct = c.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(iv) + "$" + Base64.getEncoder().encodeToString(ct);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a secret", e);
        }
    }

    /** @param stored a stored form @return the secret @throws io.kumo.api.error.ApiException 503 if it was encrypted with another key */
    public String decrypt(String stored) {
        String[] p = stored.substring(PREFIX.length()).split("\\$");
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, Base64.getDecoder().decode(p[0])));
            return new String(c.doFinal(Base64.getDecoder().decode(p[1])), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new io.kumo.api.error.ApiException(io.kumo.api.error.ErrorCode.UNAVAILABLE, "this management node cannot decrypt a"
                    + " stored secret: its " + keyFile + " differs from the key file of the node that stored it; give every node the same file");
        }
    }

    private SecretKey key() {
        SecretKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = loadOrCreate();
                }
                k = key;
            }
        }
        return k;
    }

    private SecretKey loadOrCreate() {
        try {
            if (!Files.exists(keyFile)) {
                Files.createDirectories(keyFile.getParent());
                KeyGenerator g = KeyGenerator.getInstance("AES");
                g.init(256);
                byte[] raw = g.generateKey().getEncoded();
                Path tmp = keyFile.resolveSibling("secrets.key.tmp");
                Files.deleteIfExists(tmp);
                try {
                    // readable by the node's user only from its first byte
                    Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    LOG.warn("{} is on a file system without POSIX permissions: restrict access to it by other means", keyFile);
                    Files.createFile(tmp);
                }
                Files.write(tmp, Base64.getEncoder().encode(raw), StandardOpenOption.TRUNCATE_EXISTING);
                try {
                    Files.move(tmp, keyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    Files.deleteIfExists(tmp);
                }
            }
            return new SecretKeySpec(Base64.getDecoder().decode(Files.readString(keyFile).trim()), "AES");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
