package io.kumo.core.accesskey;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * ZStack's access-key signature: {@code Authorization: ZStack <AccessKeyID>:<signature>} with
 * {@code signature = Base64(HMAC-SHA1(secret, METHOD + "\n" + Date + "\n" + path))}, where {@code Date} is the request's
 * Date header exactly as sent and {@code path} the request path without the {@code /zstack} context and without the
 * query string ({@code /v1/zones}), as ZStack's Java and Python SDKs compute it.
 */
public final class AccessKeySignature {
    private static final String CONTEXT = "/zstack";

    private AccessKeySignature() { }

    /** @param requestUri the request URI (path, maybe with query) @return the path that is signed */
    public static String signedPath(String requestUri) {
        String p = requestUri;
        int q = p.indexOf('?');
        if (q >= 0) {
            p = p.substring(0, q);
        }
        if (p.startsWith(CONTEXT + "/")) {
            p = p.substring(CONTEXT.length());
        }
        return p;
    }

    /** @return the string to sign */
    public static String stringToSign(String method, String date, String path) {
        return method + "\n" + date + "\n" + path;
    }

    /** @return the Base64 signature */
    public static String sign(String secret, String method, String date, String path) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign(method, date, path).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return true if {@code signature} is the signature of the request (constant-time comparison) */
    public static boolean verify(String secret, String method, String date, String path, String signature) {
        byte[] expected = sign(secret, method, date, path).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }
}
