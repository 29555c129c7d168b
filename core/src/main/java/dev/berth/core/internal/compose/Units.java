package dev.berth.core.internal.compose;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compose's units: Go durations ({@code 1m30s}, printed the way Go prints them) and byte sizes ({@code 64m}). */
public final class Units {
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
    private static final Pattern BYTES = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgtp]?)(i?b)?",
            Pattern.CASE_INSENSITIVE);

    private Units() {
    }

    /** Nanoseconds of a Go duration such as {@code 1m30s}, {@code 500ms} or {@code 1.5h}; null if it is not one. */
    public static Long parseDuration(String text) {
        String t = text.strip();
        boolean negative = t.startsWith("-");
        if (negative || t.startsWith("+")) {
            t = t.substring(1);
        }
        if (t.equals("0")) {
            return 0L;
        }
        Matcher m = DURATION_PART.matcher(t);
        BigDecimal nanos = BigDecimal.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long unit = switch (m.group(2)) {
                case "ns" -> 1L;
                case "us", "µs", "μs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)));
            end = m.end();
        }
        if (end == 0 || end != t.length()) {
            return null;
        }
        long value = nanos.longValue();
        return negative ? -value : value;
    }

    /** Go's {@code time.Duration.String()}: {@code 1m30s}, {@code 1h0m0s}, {@code 500ms}, {@code 1.5s}, {@code 0s}. */
    public static String formatDuration(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        String sign = nanos < 0 ? "-" : "";
        long n = Math.abs(nanos);
        if (n < 1_000_000_000L) {
            if (n < 1_000L) {
                return sign + n + "ns";
            }
            return n < 1_000_000L ? sign + decimal(n, 1_000L) + "µs" : sign + decimal(n, 1_000_000L) + "ms";
        }
        long hours = n / 3_600_000_000_000L;
        long minutes = n / 60_000_000_000L % 60;
        String seconds = decimal(n % 60_000_000_000L, 1_000_000_000L) + "s";
        if (hours > 0) {
            return sign + hours + "h" + minutes + "m" + seconds;
        }
        return minutes > 0 ? sign + minutes + "m" + seconds : sign + seconds;
    }

    private static String decimal(long value, long unit) {
        BigDecimal d = BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit)).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** Bytes of {@code 64m}, {@code 1g}, {@code 512M}, {@code 1.5gb}, {@code 1024} (binary units, as Docker); null if not a size. */
    public static Long parseBytes(String text) {
        Matcher m = BYTES.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        int power = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 1;
            case "m" -> 2;
            case "g" -> 3;
            case "t" -> 4;
            case "p" -> 5;
            default -> 0;
        };
        return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power)).longValue();
    }
}
