package io.kumo.compute.console;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebSocketFramesTest {
    private static final byte[] MASK = {0x37, (byte) 0xfa, 0x21, 0x3d};

    @Test
    void acceptKeyIsTheRfcExample() {
        // RFC 6455 section 1.3
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", WebSocketFrames.acceptKey("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    @Test
    void maskedHelloIsTheRfcExample() throws IOException {
        // RFC 6455 section 5.7: a masked text frame "Hello"
        byte[] wire = {(byte) 0x81, (byte) 0x85, 0x37, (byte) 0xfa, 0x21, 0x3d, 0x7f, (byte) 0x9f, 0x4d, 0x51, 0x58};
        assertArrayEquals(wire, WebSocketFrames.encode(WebSocketFrames.TEXT, "Hello".getBytes(StandardCharsets.US_ASCII), 0, 5, MASK));
        WebSocketFrames.Frame f = WebSocketFrames.read(new ByteArrayInputStream(wire), true);
        assertTrue(f.fin());
        assertEquals(WebSocketFrames.TEXT, f.opcode());
        assertEquals("Hello", new String(f.payload(), StandardCharsets.US_ASCII));
    }

    @Test
    void lengthsOfEveryEncodingRoundTrip() throws IOException {
        for (int len : new int[] {0, 1, 125, 126, 127, 65535, 65536, 200_000}) {
            byte[] payload = new byte[len];
            new Random(len).nextBytes(payload);
            byte[] wire = WebSocketFrames.encode(WebSocketFrames.BINARY, payload, 0, len, MASK);
            WebSocketFrames.Frame f = WebSocketFrames.read(new ByteArrayInputStream(wire), true);
            assertEquals(WebSocketFrames.BINARY, f.opcode());
            assertArrayEquals(payload, f.payload(), "length " + len);
            int header = len < 126 ? 2 : len <= 0xFFFF ? 4 : 10;
            assertEquals(header + 4 + len, wire.length, "length " + len);
        }
    }

    @Test
    void serverFramesAreUnmasked() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WebSocketFrames.write(out, WebSocketFrames.BINARY, new byte[] {9, 8, 7, 6}, 1, 2);
        byte[] wire = out.toByteArray();
        assertArrayEquals(new byte[] {(byte) 0x82, 0x02, 8, 7}, wire);
        assertArrayEquals(new byte[] {8, 7}, WebSocketFrames.read(new ByteArrayInputStream(wire), false).payload());
    }

    @Test
    void violationsAreRefused() {
        byte[] unmasked = WebSocketFrames.encode(WebSocketFrames.BINARY, new byte[3], 0, 3, null);
        assertThrows(IOException.class, () -> WebSocketFrames.read(new ByteArrayInputStream(unmasked), true));
        byte[] longPing = WebSocketFrames.encode(WebSocketFrames.PING, new byte[126], 0, 126, MASK);
        assertThrows(IOException.class, () -> WebSocketFrames.read(new ByteArrayInputStream(longPing), true));
        byte[] truncated = java.util.Arrays.copyOf(WebSocketFrames.encode(WebSocketFrames.BINARY, new byte[10], 0, 10, MASK), 9);
        assertThrows(IOException.class, () -> WebSocketFrames.read(new ByteArrayInputStream(truncated), true));
        byte[] reserved = {(byte) 0xC2, (byte) 0x80, 1, 2, 3, 4};
        assertThrows(IOException.class, () -> WebSocketFrames.read(new ByteArrayInputStream(reserved), true));
    }

    @Test
    void endOfStreamBeforeAFrameIsNull() throws IOException {
        assertNull(WebSocketFrames.read(new ByteArrayInputStream(new byte[0]), true));
    }
}
