package io.kumo.storage.imagestore;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves exported images at {@code /imagestore/download/<token>/<file name>}: GET and HEAD with Content-Length and a
 * single HTTP Range ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}). An unknown token or name is a 404.
 */
public class ImageExportServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final transient ImageExports exports;

    /** @param exports the exported images */
    public ImageExportServlet(ImageExports exports) {
        this.exports = exports;
    }

    @Override
    protected void doHead(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        serve(req, resp, false);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        serve(req, resp, true);
    }

    private void serve(HttpServletRequest req, HttpServletResponse resp, boolean body) throws IOException {
        String info = req.getPathInfo() == null ? "" : req.getPathInfo();
        String[] parts = info.startsWith("/") ? info.substring(1).split("/", -1) : new String[0];
        Optional<ImageExports.Export> export = parts.length == 2 ? exports.find(parts[0]) : Optional.empty();
        if (export.isEmpty() || !export.get().fileName().equals(parts[1]) || !Files.isRegularFile(export.get().file())) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND, "no such exported image; export it again");
            return;
        }
        long size = Files.size(export.get().file());
        long start = 0;
        long end = size - 1;
        String range = req.getHeader("Range");
        resp.setHeader("Accept-Ranges", "bytes");
        resp.setContentType("application/octet-stream");
        if (range != null) {
            Matcher m = RANGE.matcher(range.strip());
            if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
                unsatisfiable(resp, size);
                return;
            }
            if (m.group(1).isEmpty()) {
                start = Math.max(0, size - Long.parseLong(m.group(2)));
            } else {
                start = Long.parseLong(m.group(1));
                if (!m.group(2).isEmpty()) {
                    end = Math.min(end, Long.parseLong(m.group(2)));
                }
            }
            if (start >= size || start > end) {
                unsatisfiable(resp, size);
                return;
            }
            resp.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            resp.setHeader("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        long length = end - start + 1;
        resp.setContentLengthLong(length);
        if (!body || length <= 0) {
            return;
        }
        try (FileChannel ch = FileChannel.open(export.get().file(), StandardOpenOption.READ)) {
            ch.position(start);
            InputStream in = Channels.newInputStream(ch);
            OutputStream out = resp.getOutputStream();
            byte[] buf = new byte[1 << 16];
            long left = length;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
                left -= n;
            }
        }
    }

    private static void unsatisfiable(HttpServletResponse resp, long size) {
        resp.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
        resp.setHeader("Content-Range", "bytes */" + size);
    }
}
