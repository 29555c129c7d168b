package dev.berth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A container health check (HEALTHCHECK). {@code cmd} runs via exec form; {@code shell} via /bin/sh -c. Checked here
 * because the engine is not safe against bad ones: a test of just {@code ["CMD"]} makes dockerd 20.10 panic in its
 * health monitor, and intervals below 1 ms are refused only at create.
 */
public record HealthCheck(List<String> test, Duration interval, Duration timeout, int retries, Duration startPeriod) {
    private static final Duration MIN = Duration.ofMillis(1);

    /**
     * Checks the values and copies the collections, so the value cannot change.
     *
     * @param test see {@link #test()}
     * @param interval see {@link #interval()}
     * @param timeout see {@link #timeout()}
     * @param retries see {@link #retries()}
     * @param startPeriod see {@link #startPeriod()}
     * @throws InvalidSpecException when a value breaks its rule
     */
    public HealthCheck {
        Validation.required("health check test", test, "use HealthCheck.cmd(...) or HealthCheck.shell(...)");
        if (test.stream().anyMatch(java.util.Objects::isNull)) { // List.of(...).contains(null) would throw
            throw new InvalidSpecException("health check", test, "a health check word must not be null",
                    "pass \"\" for an empty argument");
        }
        test = List.copyOf(test);
        checkTest(test);
        Validation.duration("health check interval", interval, MIN, "give at least 1 ms, e.g. Duration.ofSeconds(1)");
        Validation.duration("health check timeout", timeout, MIN, "give at least 1 ms, e.g. Duration.ofSeconds(5)");
        Validation.required("health check start period", startPeriod, "use Duration.ZERO for none");
        if (!startPeriod.isZero()) {
            Validation.duration("health check start period", startPeriod, MIN, "give 0 or at least 1 ms");
        }
        if (retries < 0) {
            throw new InvalidSpecException("health check retries", retries, "retries must not be negative",
                    "give 0 for the engine default (3), or more");
        }
    }

    /**
     * {@code HEALTHCHECK CMD ["program", …]} / {@code --health-cmd} in exec form.
     *
     * @param command the program and its arguments
     * @return the check, engine-default timing
     * @throws InvalidSpecException when there is no word or an empty one
     */
    public static HealthCheck cmd(String... command) {
        List<String> words = Validation.command("health check command", command, "HealthCheck.cmd(\"pg_isready\")");
        return new HealthCheck(prefixed("CMD", words), Duration.ofSeconds(1), Duration.ofSeconds(5), 3, Duration.ZERO);
    }

    /**
     * {@code HEALTHCHECK CMD command} / {@code --health-cmd "command"}: run via /bin/sh -c.
     *
     * @param command the shell command line
     * @return the check, engine-default timing
     * @throws InvalidSpecException when it is blank
     */
    public static HealthCheck shell(String command) {
        Validation.notBlank("health check shell command", command, "e.g. HealthCheck.shell(\"curl -f localhost\")");
        return new HealthCheck(List.of("CMD-SHELL", command), Duration.ofSeconds(1), Duration.ofSeconds(5), 3,
                Duration.ZERO);
    }

    /**
     * {@code --health-interval}.
     *
     * @param value at least 1 ms
     * @return a new check; this one is unchanged
     * @throws InvalidSpecException when it is shorter
     */
    public HealthCheck interval(Duration value) {
        return new HealthCheck(test, value, timeout, retries, startPeriod);
    }

    /**
     * {@code --health-timeout}.
     *
     * @param value at least 1 ms
     * @return a new check; this one is unchanged
     * @throws InvalidSpecException when it is shorter
     */
    public HealthCheck timeout(Duration value) {
        return new HealthCheck(test, interval, value, retries, startPeriod);
    }

    /**
     * {@code --health-retries}.
     *
     * @param value 0 or more (0 = engine default)
     * @return a new check; this one is unchanged
     * @throws InvalidSpecException when it is negative
     */
    public HealthCheck retries(int value) {
        return new HealthCheck(test, interval, timeout, value, startPeriod);
    }

    /**
     * {@code --health-start-period}.
     *
     * @param value 0 or more
     * @return a new check; this one is unchanged
     * @throws InvalidSpecException when it is negative
     */
    public HealthCheck startPeriod(Duration value) {
        return new HealthCheck(test, interval, timeout, retries, value);
    }

    private static void checkTest(List<String> test) {
        String kind = test.isEmpty() ? "" : test.get(0);
        boolean ok = switch (kind) {
            case "CMD" -> test.size() >= 2 && !test.get(1).isBlank();
            case "CMD-SHELL" -> test.size() == 2 && !test.get(1).isBlank();
            case "NONE" -> test.size() == 1; // disables the image's HEALTHCHECK (compose: disable: true)
            default -> false;
        };
        if (!ok) {
            throw new InvalidSpecException("health check", test,
                    "a health check is [\"CMD\", program, args...] or [\"CMD-SHELL\", command] with a non-empty command,"
                            + " or [\"NONE\"]",
                    "use HealthCheck.cmd(\"pg_isready\") or HealthCheck.shell(\"curl -f localhost\")");
        }
    }

    private static List<String> prefixed(String first, List<String> rest) {
        var all = new ArrayList<String>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
