package io.kumo.storage.qemuimg;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** qemu-img for real on a temporary directory, and the ssh command line. */
class QemuImgTest {
    private static final long MIB = 1L << 20;
    @TempDir Path dir;
    private final QemuImg qemu = new QemuImg(new LocalCommandRunner());

    @Test
    void createOverlayInfoResizeSnapshotsAndCheck() throws Exception {
        String base = dir.resolve("base.raw").toString();
        qemu.create(base, "raw", 4 * MIB);
        String overlay = dir.resolve("over.qcow2").toString();
        qemu.createOverlay(overlay, base, "raw", 0);
        ImageInfo info = qemu.info(overlay);
        assertEquals("qcow2", info.format());
        assertEquals(4 * MIB, info.virtualSize());
        assertEquals(base, info.backingFile());
        assertEquals("raw", info.backingFormat());

        qemu.resize(overlay, 8 * MIB);
        assertEquals(8 * MIB, qemu.info(overlay).virtualSize());
        StorageException shrink = assertThrows(StorageException.class, () -> qemu.resize(overlay, MIB));
        assertTrue(shrink.getMessage().contains("never shrink"), shrink.getMessage());
        assertEquals(8 * MIB, qemu.info(overlay).virtualSize());

        qemu.snapshotCreate(overlay, "s1");
        assertEquals(List.of("s1"), qemu.info(overlay).snapshots());
        qemu.snapshotDelete(overlay, "s1");
        assertEquals(List.of(), qemu.info(overlay).snapshots());
        assertNull(qemu.check(overlay));

        String converted = dir.resolve("conv.qcow2").toString();
        qemu.convert(base, "raw", converted, "qcow2");
        assertEquals("qcow2", qemu.info(converted).format());
    }

    @Test
    void clearErrors() throws Exception {
        StorageException missing = assertThrows(StorageException.class, () -> qemu.info(dir.resolve("none").toString()));
        assertTrue(missing.getMessage().contains("qemu-img failed on the management node"), missing.getMessage());
        StorageException notInstalled = assertThrows(StorageException.class,
                () -> new LocalCommandRunner().check(List.of("kumo-no-such-program")));
        assertTrue(notInstalled.getMessage().contains("not installed"), notInstalled.getMessage());
        assertTrue(CommandErrors.explain("host h", List.of("qemu-img"), new CommandResult(1, "",
                "qemu-img: error while writing: No space left on device")).getMessage().startsWith("no space left on host h"));
        assertThrows(IllegalArgumentException.class, () -> qemu.info("relative/x"));
        assertThrows(IllegalArgumentException.class, () -> qemu.info("/a/../etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> qemu.snapshotCreate(dir.resolve("x").toString(), "../x"));
    }

    @Test
    void sshQuotesEveryArgumentAndExplainsKeyFailures() throws Exception {
        List<List<String>> ran = new ArrayList<>();
        CommandRunner fake = new CommandRunner() {
            @Override public String where() { return "fake"; }
            @Override public CommandResult run(List<String> command, Path stdin, Duration timeout) {
                ran.add(command);
                return new CommandResult(255, "", "Permission denied (publickey).");
            }
        };
        SshCommandRunner ssh = new SshCommandRunner("root", "10.0.0.5", 2222, fake);
        StorageException e = assertThrows(StorageException.class, () -> ssh.check(List.of("touch", "/a b/it's; rm -rf /")));
        assertTrue(e.getMessage().contains("keys only"), e.getMessage());
        List<String> cmd = ran.get(0);
        assertEquals(List.of("ssh", "-o", "BatchMode=yes"), cmd.subList(0, 3));
        assertTrue(cmd.containsAll(List.of("-p", "2222", "-l", "root", "10.0.0.5", "--")));
        assertEquals("'touch' '/a b/it'\\''s; rm -rf /'", cmd.get(cmd.size() - 1));
        assertThrows(IllegalArgumentException.class, () -> new SshCommandRunner("root", "h;rm", 22));
        // the quoted text is what a POSIX shell turns back into the arguments
        Path f = dir.resolve("it's; x");
        new LocalCommandRunner().check(List.of("sh", "-c", "touch " + SshCommandRunner.quote(f.toString())));
        assertTrue(Files.exists(f));
    }
}
