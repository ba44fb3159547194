package io.kumo.storage.qemuimg;

import java.nio.file.Path;

/** Checks paths that reach commands and file operations: absolute, no {@code ..}, no control characters. */
public final class SafePaths {
    private SafePaths() { }

    /**
     * @param path a path given by a user or read from the database
     * @param what what it is, for the message
     * @return it, normalized (no trailing slash)
     * @throws IllegalArgumentException if it is relative, climbs with {@code ..} or holds control characters
     */
    public static String absolute(String path, String what) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException(what + " is required: give an absolute directory path such as /var/lib/kumo");
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException(what + " must be an absolute path (starting with /), not " + path);
        }
        for (int i = 0; i < path.length(); i++) {
            if (Character.isISOControl(path.charAt(i))) {
                throw new IllegalArgumentException(what + " must not contain control characters");
            }
        }
        for (String part : path.split("/")) {
            if (part.equals("..") || part.equals(".")) {
                throw new IllegalArgumentException(what + " must not contain . or .. segments: " + path);
            }
        }
        String normalized = Path.of(path).normalize().toString();
        return normalized;
    }

    /**
     * @param base a checked absolute directory
     * @param path a path that must lie under it
     * @param what what it is, for the message
     * @return the normalized path
     * @throws IllegalArgumentException if it is not under base
     */
    public static String under(String base, String path, String what) {
        String p = absolute(path, what);
        String b = absolute(base, "base directory");
        if (!p.startsWith(b.endsWith("/") ? b : b + "/")) {
            throw new IllegalArgumentException(what + " " + path + " is not under " + base);
        }
        return p;
    }

    /**
     * @param name a file name part such as a uuid
     * @return it, if it is a plain name (letters, digits, {@code -}, {@code _}, {@code .}, not starting with a dot)
     */
    public static String name(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}")) {
            throw new IllegalArgumentException("invalid file name: " + name);
        }
        return name;
    }
}
