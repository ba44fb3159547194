package io.kumo.console;

/**
 * What the console shows as its product: from {@code etc/io.kumo.console.cfg}, served as {@code /console-config.json}.
 *
 * @param productName the product name in the title bar and on the login page
 * @param logoUrl     the logo's URL (absolute, or a path on this server); empty for the built-in logo
 */
public record ConsoleConfig(String productName, String logoUrl) {
    /** Blank values fall back to the defaults. */
    public ConsoleConfig {
        productName = productName == null || productName.isBlank() ? "Kumo" : productName.trim();
        logoUrl = logoUrl == null ? "" : logoUrl.trim();
    }

    /** @return {@code {"productName":"...","logoUrl":"..."}} */
    public String toJson() {
        return "{\"productName\":" + quote(productName) + ",\"logoUrl\":" + quote(logoUrl) + "}";
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '<' -> b.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
