package io.kumo.core.login;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;

/** Draws captcha text as a distorted PNG (rotated glyphs, wave distortion, noise lines and dots) with headless AWT. */
public final class CaptchaImage {
    /** Characters of an answer: no 0/O, 1/I/L look-alikes. */
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 5;
    private static final int WIDTH = 160;
    private static final int HEIGHT = 56;
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private CaptchaImage() { }

    /** @return a new random answer */
    public static String newAnswer() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** @param text the answer @return the PNG bytes */
    public static byte[] png(String text) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(235 + RANDOM.nextInt(20), 235 + RANDOM.nextInt(20), 235 + RANDOM.nextInt(20)));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            for (int i = 0; i < 6; i++) {
                g.setColor(randomColor(120, 200));
                g.setStroke(new BasicStroke(1 + RANDOM.nextFloat()));
                g.drawLine(RANDOM.nextInt(WIDTH), RANDOM.nextInt(HEIGHT), RANDOM.nextInt(WIDTH), RANDOM.nextInt(HEIGHT));
            }
            int step = (WIDTH - 20) / text.length();
            for (int i = 0; i < text.length(); i++) {
                Font f = new Font(RANDOM.nextBoolean() ? Font.SANS_SERIF : Font.SERIF, Font.BOLD, 28 + RANDOM.nextInt(8));
                AffineTransform t = new AffineTransform();
                t.rotate(Math.toRadians(RANDOM.nextInt(50) - 25));
                t.shear((RANDOM.nextDouble() - 0.5) * 0.4, 0);
                g.setFont(f.deriveFont(t));
                g.setColor(randomColor(20, 110));
                g.drawString(String.valueOf(text.charAt(i)), 10 + i * step + RANDOM.nextInt(6), 36 + RANDOM.nextInt(10));
            }
            for (int i = 0; i < 120; i++) {
                img.setRGB(RANDOM.nextInt(WIDTH), RANDOM.nextInt(HEIGHT), randomColor(0, 255).getRGB());
            }
        } finally {
            g.dispose();
        }
        BufferedImage out = wave(img);
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(out, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Shifts each column by a sine wave of random phase: the baseline is not straight. */
    private static BufferedImage wave(BufferedImage in) {
        BufferedImage out = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        double phase = RANDOM.nextDouble() * Math.PI * 2;
        double period = 30 + RANDOM.nextInt(30);
        for (int x = 0; x < WIDTH; x++) {
            int dy = (int) Math.round(4 * Math.sin(phase + x / period * 2 * Math.PI));
            for (int y = 0; y < HEIGHT; y++) {
                int sy = Math.floorMod(y + dy, HEIGHT);
                out.setRGB(x, y, in.getRGB(x, sy));
            }
        }
        return out;
    }

    private static Color randomColor(int lo, int hi) {
        return new Color(lo + RANDOM.nextInt(hi - lo + 1), lo + RANDOM.nextInt(hi - lo + 1), lo + RANDOM.nextInt(hi - lo + 1));
    }
}
