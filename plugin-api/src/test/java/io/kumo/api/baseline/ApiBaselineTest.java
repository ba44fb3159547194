package io.kumo.api.baseline;

import io.kumo.api.operation.Operation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The build-time API check: the compiled plugin API against {@code plugin-api/api-baseline.txt}. Fails when a
 * signature was removed or changed without a major version bump of its package, or added without a minor one (see
 * {@link ApiComparison}). With {@code -Dkumo.api.update=true} it rewrites the baseline from the current API instead
 * (after the version bump, or for changes not yet released).
 */
class ApiBaselineTest {
    private static final Path BASEDIR = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Path BASELINE = BASEDIR.resolve("api-baseline.txt");

    @Test
    void thePluginApiChangesOnlyWithTheVersionBumpsItNeeds() throws Exception {
        ApiSnapshot current = ApiSnapshot.scan(classesDirectory(), BASEDIR.resolve("src/main/java"), getClass().getClassLoader());
        if (Boolean.getBoolean("kumo.api.update")) {
            String before = Files.exists(BASELINE) ? ApiComparison.compare(ApiSnapshot.read(BASELINE), current).report() : "(no baseline yet)";
            Files.writeString(BASELINE, current.render(), StandardCharsets.UTF_8);
            System.out.println("Rewrote " + BASELINE + " from the current API. Changes recorded:\n" + before);
            return;
        }
        if (!Files.exists(BASELINE)) {
            fail(BASELINE + " is missing: generate it with " + ApiComparison.UPDATE_COMMAND + " and commit it");
        }
        ApiComparison comparison = ApiComparison.compare(ApiSnapshot.read(BASELINE), current);
        if (comparison.failed()) {
            fail("The plugin API changed incompatibly with its package versions (baseline " + BASELINE + "):\n\n" + comparison.report());
        }
        if (!comparison.unchanged()) {
            System.out.println(comparison.report());
        }
    }

    @Test
    void theScanSeesEveryKindOfSignature() throws Exception {
        ApiSnapshot current = ApiSnapshot.scan(classesDirectory(), BASEDIR.resolve("src/main/java"), getClass().getClassLoader());
        var operation = current.packages().get("io.kumo.api.operation");
        assertTrue(operation != null && operation.version().major() >= 1, "exported packages carry their package-info version");
        var lines = operation.signatures();
        assertTrue(lines.contains("io.kumo.api.operation.AsyncOperation type public interface io.kumo.api.operation.AsyncOperation"
                + " extends io.kumo.api.operation.Operation"), String.join("\n", lines));
        assertTrue(lines.contains("io.kumo.api.operation.AsyncOperation method public default void check(io.kumo.api.operation.OperationRequest)"));
        assertTrue(lines.contains("io.kumo.api.operation.OperationRequest component java.util.Map<java.lang.String, java.lang.Object> params"));
        assertTrue(lines.contains("io.kumo.api.operation.OperationKind enum-constant QUERY"));
        assertTrue(lines.contains("io.kumo.api.operation.OperationDescriptor field public static final java.lang.String PUBLIC"));
        assertTrue(lines.contains("io.kumo.api.operation.OperationDescriptor$Builder type public static final class"
                + " io.kumo.api.operation.OperationDescriptor$Builder") || lines.stream().anyMatch(l -> l.startsWith("io.kumo.api.operation.OperationDescriptor.Builder type")),
                "member types are listed");
        assertFalse(lines.stream().anyMatch(l -> l.contains(" private ")), "private members are not API");
        assertTrue(ApiSnapshot.parse(current.render()).equals(current), "the file format reads back what it wrote");
    }

    private Path classesDirectory() throws Exception {
        return Path.of(Operation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
