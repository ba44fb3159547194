package io.kumo.api.inventory;

import org.junit.jupiter.api.Test;

import java.text.DateFormat;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class WireFormatTest {
    @Test
    void formatsLikeZStackAndParsesBack() throws Exception {
        Date d = new Date(1_795_000_000_123L);
        String expected = new SimpleDateFormat(WireFormat.DATE_PATTERN, Locale.ENGLISH).format(d);
        assertEquals(expected, WireFormat.format(d));
        assertEquals(expected, WireFormat.dateFormat().format(d));
        // the wire format has whole seconds
        assertEquals(d.getTime() / 1000 * 1000, WireFormat.dateFormat().parse(expected).getTime());
    }

    @Test
    void writesEveryFieldAsTheReferenceFormatDoes() {
        SimpleDateFormat reference = new SimpleDateFormat(WireFormat.DATE_PATTERN, Locale.ENGLISH);
        java.util.Random random = new java.util.Random(7);
        List<Date> dates = new ArrayList<>(List.of(new Date(0), new Date(-1000), new Date(4_102_444_800_000L)));
        java.util.Calendar c = java.util.Calendar.getInstance();
        for (int hour : new int[] {0, 11, 12, 13, 23}) {  // midnight is 12 AM, noon 12 PM
            c.set(2026, java.util.Calendar.DECEMBER, 4, hour, 5, 9);
            dates.add(c.getTime());
        }
        for (int i = 0; i < 20_000; i++) {
            dates.add(new Date(Math.floorMod(random.nextLong(), 4_102_444_800_000L)));
        }
        for (Date d : dates) {
            assertEquals(reference.format(d), WireFormat.format(d), "at " + d.getTime());
        }
    }

    @Test
    void isSharedAndThreadSafe() throws Exception {
        DateFormat f = WireFormat.dateFormat();
        assertSame(f, f.clone(), "cloning (as Jackson does per value) is free");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    SimpleDateFormat reference = new SimpleDateFormat(WireFormat.DATE_PATTERN, Locale.ENGLISH);
                    for (int i = 0; i < 10_000; i++) {
                        Date d = new Date(1_700_000_000_000L + i * 86_399_000L);
                        if (!reference.format(d).equals(f.format(d))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertEquals(true, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
