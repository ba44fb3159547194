package io.kumo.core.licence;

import io.kumo.api.licence.LicenceInventory;
import io.kumo.api.licence.LicensedModules;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The supplier's licence tool, run from the repository as {@code ./kumo licence ...} (never inside a node):
 * <pre>
 * keygen DIR NAME                       an Ed25519 key pair: DIR/NAME.pk8 (private, mode 600) and DIR/NAME.pub
 * issue --key FILE.pk8 [--key-name NAME] --user WHO --type Basic|AddOn|Trial [options]   a signed licence on stdout
 *   Basic:  --edition Enterprise|Hybrid (--hosts N | --cpus N)
 *   AddOn:  --modules enterprise-management,vmware,baremetal,disaster-recovery
 *   Trial:  --edition Enterprise --trial-days N (every module)
 *   dates:  --days N (from now) or --expires 2027-12-31T00:00:00Z; --issued ISO (default now); --uuid (default random)
 * </pre>
 * The release key's private half is kept by the supplier, never in the repository; the repository holds test keys only.
 * A node trusts a key besides the release key only through {@code licence.extraKeys}.
 */
public final class LicenceIssuer {
    private LicenceIssuer() { }

    /** @param args the command line, as above */
    public static void main(String[] args) {
        try {
            System.out.print(run(Arrays.asList(args)));
        } catch (IllegalArgumentException e) {
            System.err.println("kumo licence: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * @param args the command line
     * @return what to print
     * @throws IllegalArgumentException for a wrong command line, saying what is expected
     */
    static String run(List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("usage: keygen DIR NAME | issue --key FILE.pk8 --user WHO --type Basic|AddOn|Trial ...");
        }
        return switch (args.get(0)) {
            case "keygen" -> {
                if (args.size() != 3) {
                    throw new IllegalArgumentException("usage: keygen DIR NAME");
                }
                yield keygen(Path.of(args.get(1)), args.get(2));
            }
            case "issue" -> issue(options(args.subList(1, args.size())), Instant.now()) + "\n";
            default -> throw new IllegalArgumentException("unknown command " + args.get(0) + "; expected keygen or issue");
        };
    }

    private static String keygen(Path dir, String name) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.createDirectories(dir);
            Path priv = dir.resolve(name + ".pk8");
            Files.writeString(priv, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n");
            Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
            Path pub = dir.resolve(name + ".pub");
            Files.writeString(pub, TrustedKeys.encode(pair.getPublic()) + "\n");
            return "private key: " + priv + " (keep it secret)\npublic key:  " + pub + "\ntrust it on a node: licence.extraKeys = "
                    + name + ":" + TrustedKeys.encode(pair.getPublic()) + "\n";
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot write the key pair to " + dir + ": " + e.getMessage());
        }
    }

    /**
     * @param o   the options of {@code issue}
     * @param now the time dates count from
     * @return the signed licence file's text
     */
    static String issue(Map<String, String> o, Instant now) {
        String type = required(o, "type");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("uuid", o.getOrDefault("uuid", UUID.randomUUID().toString().replace("-", "")));
        p.put("user", required(o, "user"));
        p.put("licenseType", type);
        switch (type) {
            case LicenceInventory.BASIC -> {
                p.put("edition", required(o, "edition"));
                if (o.containsKey("hosts") == o.containsKey("cpus")) {
                    throw new IllegalArgumentException("a Basic licence counts either --hosts N or --cpus N");
                }
                p.put("quotaType", o.containsKey("hosts") ? LicenceInventory.QUOTA_HOST : LicenceInventory.QUOTA_CPU);
                p.put(o.containsKey("hosts") ? "hostNum" : "cpuNum", positive(o, o.containsKey("hosts") ? "hosts" : "cpus"));
            }
            case LicenceInventory.ADD_ON -> p.put("modules", List.of(required(o, "modules").split(",")));
            case LicenceInventory.TRIAL -> {
                p.put("edition", o.getOrDefault("edition", "Enterprise"));
                p.put("modules", new ArrayList<>(new TreeSet<>(LicensedModules.ALL)));
                p.put("trialDays", positive(o, "trial-days"));
            }
            default -> throw new IllegalArgumentException("--type is Basic, AddOn or Trial, not " + type);
        }
        Instant issued = o.containsKey("issued") ? instant(o, "issued") : now.truncatedTo(ChronoUnit.SECONDS);
        Instant expires;
        if (o.containsKey("expires")) {
            expires = instant(o, "expires");
        } else {
            expires = issued.plus(Duration.ofDays(positive(o, "days")));
        }
        p.put("issuedDate", issued.toString());
        p.put("expiredDate", expires.toString());
        String text = LicenceFile.sign(p, o.getOrDefault("key-name", TrustedKeys.RELEASE_KEY_NAME), signer(Path.of(required(o, "key"))));
        return text;
    }

    private static Signature signer(Path keyFile) {
        try {
            byte[] der = Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).trim());
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der)));
            return s;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read the private key " + keyFile + " (base64 PKCS#8 Ed25519, as keygen "
                    + "writes it): " + e.getMessage());
        }
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i);
            if (!name.startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException("expected --option value pairs, got '" + name + "'");
            }
            o.put(name.substring(2), args.get(i + 1));
        }
        return o;
    }

    private static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    private static Instant instant(Map<String, String> o, String name) {
        try {
            return Instant.parse(o.get(name));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("--" + name + " must be an ISO-8601 instant such as 2027-12-31T00:00:00Z");
        }
    }

    private static int positive(Map<String, String> o, String name) {
        try {
            int n = Integer.parseInt(required(o, name));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " must be a whole number of at least 1");
    }
}
