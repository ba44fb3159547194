package io.kumo.compute.console;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The RFC 6455 pieces the console proxy needs: the handshake's accept key and reading and writing frames. */
public final class WebSocketFrames {
    public static final int CONTINUATION = 0x0;
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;
    /** The largest frame payload accepted (a VNC client sends small frames). */
    public static final int MAX_PAYLOAD = 16 << 20;
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private WebSocketFrames() { }

    /**
     * A frame.
     *
     * @param fin     whether it ends a message
     * @param opcode  its opcode
     * @param payload its payload, unmasked
     */
    public record Frame(boolean fin, int opcode, byte[] payload) {
        /** @return true for close, ping and pong */
        public boolean control() { return (opcode & 0x8) != 0; }
    }

    /** @param key the client's {@code Sec-WebSocket-Key} @return the {@code Sec-WebSocket-Accept} answer */
    public static String acceptKey(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key.trim() + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads one frame.
     *
     * @param in          the stream
     * @param requireMask true on a server: client frames must be masked (RFC 6455 5.1)
     * @return the frame, or null at the end of the stream before a frame starts
     * @throws IOException on a protocol violation or a truncated frame
     */
    public static Frame read(InputStream in, boolean requireMask) throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            return null;
        }
        int b1 = readByte(in);
        if ((b0 & 0x70) != 0) {
            throw new IOException("reserved bits set without an extension");
        }
        boolean fin = (b0 & 0x80) != 0;
        int opcode = b0 & 0x0F;
        boolean masked = (b1 & 0x80) != 0;
        long length = b1 & 0x7F;
        if (length == 126) {
            length = ((long) readByte(in) << 8) | readByte(in);
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | readByte(in);
            }
        }
        if ((opcode & 0x8) != 0 && (length > 125 || !fin)) {
            throw new IOException("control frame too long or fragmented");
        }
        if (length < 0 || length > MAX_PAYLOAD) {
            throw new IOException("frame of " + length + " bytes is larger than " + MAX_PAYLOAD);
        }
        if (requireMask && !masked) {
            throw new IOException("client frame not masked");
        }
        byte[] mask = masked ? in.readNBytes(4) : null;
        if (mask != null && mask.length < 4) {
            throw new EOFException("truncated frame");
        }
        byte[] payload = in.readNBytes((int) length);
        if (payload.length < length) {
            throw new EOFException("truncated frame");
        }
        if (mask != null) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i & 3];
            }
        }
        return new Frame(fin, opcode, payload);
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("truncated frame");
        }
        return b;
    }

    /**
     * Encodes one final frame.
     *
     * @param opcode the opcode @param payload the bytes @param off where they start @param len how many
     * @param mask   4 bytes to mask with (a client), or null (a server)
     * @return the frame's bytes
     */
    public static byte[] encode(int opcode, byte[] payload, int off, int len, byte[] mask) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(len + 14);
        out.write(0x80 | opcode);
        int maskBit = mask == null ? 0 : 0x80;
        if (len < 126) {
            out.write(maskBit | len);
        } else if (len <= 0xFFFF) {
            out.write(maskBit | 126);
            out.write(len >>> 8);
            out.write(len & 0xFF);
        } else {
            out.write(maskBit | 127);
            for (int i = 7; i >= 0; i--) {
                out.write((int) (((long) len >>> (8 * i)) & 0xFF));
            }
        }
        if (mask == null) {
            out.write(payload, off, len);
        } else {
            out.write(mask, 0, 4);
            for (int i = 0; i < len; i++) {
                out.write(payload[off + i] ^ mask[i & 3]);
            }
        }
        return out.toByteArray();
    }

    /** Writes one final unmasked frame (server to client), flushed. */
    public static void write(OutputStream out, int opcode, byte[] payload, int off, int len) throws IOException {
        out.write(encode(opcode, payload, off, len, null));
        out.flush();
    }
}
