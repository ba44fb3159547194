package io.kumo.core.plugin;

import io.kumo.api.error.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginUrlTest {
    @TempDir
    Path dir;

    private static String refusal(String url) {
        ApiException e = assertThrows(ApiException.class, () -> PluginUrl.parse("url", url), url);
        assertEquals("SYS.1007", e.error().code());
        return e.error().details();
    }

    @Test
    void tellsBundlesArchivesAndFeatureRepositoriesApart() throws Exception {
        assertEquals(PluginUrl.Kind.BUNDLE, PluginUrl.parse("url", "mvn:com.example/plugin/1.0").kind());
        assertEquals(PluginUrl.Kind.BUNDLE, PluginUrl.parse("url", "mvn:https://repo.example.com!com.example/plugin/1.0/jar").kind());
        assertEquals(PluginUrl.Kind.KAR, PluginUrl.parse("url", "mvn:com.example/plugin/1.0/kar").kind());
        assertEquals(PluginUrl.Kind.FEATURES, PluginUrl.parse("url", "mvn:com.example/plugin/1.0/xml/features").kind());
        assertEquals(PluginUrl.Kind.KAR, PluginUrl.parse("url", "https://repo.example.com/p/plugin-1.0.kar").kind());
        assertEquals(PluginUrl.Kind.FEATURES, PluginUrl.parse("url", "http://repo.example.com/p/features.xml").kind());
        Path jar = Files.writeString(dir.resolve("p.jar"), "x");
        PluginUrl file = PluginUrl.parse("url", "  " + jar.toUri() + " ");
        assertEquals(PluginUrl.Kind.BUNDLE, file.kind());
        assertEquals(jar.toUri().toString(), file.text(), "trimmed");
    }

    @Test
    void refusesWhatCannotBeInstalledSayingWhatToSend() throws Exception {
        assertTrue(refusal("ftp://example.com/p.jar").contains("[file, http, https, mvn]"));
        assertTrue(refusal("").contains("is empty"));
        assertTrue(refusal("p.jar").contains("no scheme"));
        assertTrue(refusal("file:relative/p.jar").contains("absolute path"));
        assertTrue(refusal(dir.resolve("none.jar").toUri().toString()).contains("no file"));
        assertTrue(refusal(dir.toUri().toString()).contains("no file"), "a directory is no plugin");
        assertTrue(refusal("http:///p.jar").contains("with a host"));
        assertTrue(refusal("mvn:just-an-artifact").contains("not a Maven URL"));
        assertTrue(refusal("file:/a b").contains("not a valid URL"));
    }
}
