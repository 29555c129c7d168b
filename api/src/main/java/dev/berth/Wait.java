package dev.berth;

import java.time.Duration;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * When a started container counts as ready. Values are immutable; each has its own timeout (default 60 s). Polling
 * starts at 5 ms and backs off to 50 ms unless a fixed {@code pollEvery} is given. If the container exits while
 * being waited for, the wait fails at once with its exit code, OOM flag and last log lines (except {@link #exited()}).
 */
public sealed interface Wait permits Wait.Log, Wait.Port, Wait.Http, Wait.Healthy, Wait.Exec, Wait.Exited, Wait.All,
        Wait.Any {

    /** How long a wait holds out unless given a timeout: 60 seconds. */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /**
     * How long this wait may take before {@link WaitTimeoutException}.
     *
     * @return the bound
     */
    Duration timeout();

    /**
     * A log line matching the regex (anywhere in the line) appears {@code times} times, counting from the start:
     * {@code docker logs -f | grep -m N REGEX}.
     *
     * @param regex a Java regular expression
     * @return the wait, once, within {@link #DEFAULT_TIMEOUT}
     * @throws InvalidSpecException when the regex is blank or invalid
     */
    static Log log(String regex) {
        Validation.notBlank("log wait pattern", regex, "give a regex, e.g. Wait.log(\"ready to accept\")");
        try {
            return new Log(Pattern.compile(regex), 1, DEFAULT_TIMEOUT);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new InvalidSpecException("log wait pattern", regex, "it is not a valid regex: " + e.getDescription()
                    + " near index " + e.getIndex(), "escape special characters, e.g. with Pattern.quote(text)", e);
        }
    }

    /**
     * A TCP connection to the published host port is accepted and not dropped at once (checked from the host), and
     * the port is listening inside the container.
     *
     * @param containerPort the container port; it must be published
     * @return the wait, within {@link #DEFAULT_TIMEOUT}
     * @throws InvalidSpecException when the port is not 1 to 65535
     */
    static Port port(int containerPort) {
        return new Port(containerPort, DEFAULT_TIMEOUT, null);
    }

    /**
     * An HTTP GET on the published host port answers 2xx (or the status/body predicates given): {@code curl -f}.
     *
     * @param containerPort the container port; it must be published
     * @param path the request path, e.g. "/health"
     * @return the wait, within {@link #DEFAULT_TIMEOUT}
     * @throws InvalidSpecException when the port is out of range
     */
    static Http http(int containerPort, String path) {
        return new Http(containerPort, path, "2xx", status -> status >= 200 && status < 300, "any body", body -> true,
                DEFAULT_TIMEOUT, null);
    }

    /**
     * The container's health check reports healthy ({@code docker inspect -f '{{.State.Health.Status}}'}).
     *
     * @return the wait, within {@link #DEFAULT_TIMEOUT}
     */
    static Healthy healthy() {
        return new Healthy(DEFAULT_TIMEOUT, null);
    }

    /**
     * The command, run inside the container, exits 0 ({@code docker exec CONTAINER COMMAND}, repeated).
     *
     * @param command the program and its arguments
     * @return the wait, within {@link #DEFAULT_TIMEOUT}
     * @throws InvalidSpecException when there is no word or an empty one
     */
    static Exec exec(String... command) {
        return new Exec(Validation.command("exec wait command", command, "Wait.exec(\"pg_isready\")"),
                DEFAULT_TIMEOUT, null);
    }

    /**
     * The container has exited (any exit code): {@code docker wait}.
     *
     * @return the wait, within {@link #DEFAULT_TIMEOUT}
     */
    static Exited exited() {
        return new Exited(DEFAULT_TIMEOUT);
    }

    /**
     * Every wait holds; they are checked side by side.
     *
     * @param waits at least one
     * @return the combined wait, within {@link #DEFAULT_TIMEOUT} overall
     * @throws InvalidSpecException when there is none, or a null
     */
    static All allOf(Wait... waits) {
        return new All(checked(waits), DEFAULT_TIMEOUT);
    }

    /**
     * The first wait that holds ends the wait.
     *
     * @param waits at least one
     * @return the combined wait, within {@link #DEFAULT_TIMEOUT} overall
     * @throws InvalidSpecException when there is none, or a null
     */
    static Any anyOf(Wait... waits) {
        return new Any(checked(waits), DEFAULT_TIMEOUT);
    }

    private static List<Wait> checked(Wait[] waits) {
        if (waits == null || waits.length == 0 || java.util.Arrays.asList(waits).contains(null)) {
            throw new InvalidSpecException("combined wait", waits == null ? null : java.util.Arrays.toString(waits),
                    "a combined wait needs at least one wait and no null", "e.g. Wait.allOf(Wait.port(80), "
                            + "Wait.log(\"ready\"))");
        }
        return List.of(waits);
    }

    /** Timeouts: positive, so a wait always has a bound; poll intervals too, when given. */
    private static Duration timeoutOf(Duration value) {
        return Validation.duration("wait timeout", value, Duration.ofMillis(1),
                "give a positive duration, e.g. Duration.ofSeconds(30)");
    }

    private static Duration pollOf(Duration value) {
        return value == null ? null : Validation.duration("wait poll interval", value, Duration.ofMillis(1),
                "give a positive duration, e.g. Duration.ofMillis(100)");
    }

    private static void portOf(int containerPort) {
        Validation.port("wait port", containerPort, "give the container port the service listens on, 1-65535");
    }

    /**
     * Waits for a log line; made by {@link Wait#log(String)}.
     *
     * @param pattern the regex
     * @param times how many matching lines
     * @param timeout the bound
     */
    record Log(Pattern pattern, int times, Duration timeout) implements Wait {
        /**
         * Checks the values.
         *
         * @param pattern see {@link #pattern()}
         * @param times see {@link #times()}
         * @param timeout see {@link #timeout()}
         * @throws InvalidSpecException when the pattern is null, times is below 1, or the timeout not positive
         */
        public Log {
            Validation.required("log wait pattern", pattern, "use Wait.log(regex)");
            if (times < 1) {
                throw new InvalidSpecException("log wait count", times, "a log wait needs times >= 1",
                        "give times(1) or more");
            }
            timeout = timeoutOf(timeout);
        }

        /**
         * The pattern must match {@code n} lines (e.g. 2 for postgres, which restarts once while it initialises).
         *
         * @param n at least 1
         * @return a new wait; this one is unchanged
         * @throws InvalidSpecException when n is below 1
         */
        public Log times(int n) {
            return new Log(pattern, n, timeout);
        }

        /**
         * This wait's bound.
         *
         * @param value positive
         * @return a new wait; this one is unchanged
         * @throws InvalidSpecException when the timeout is not positive
         */
        public Log timeout(Duration value) {
            return new Log(pattern, times, value);
        }

        /** Patterns compare by their text and flags ({@link Pattern} has no equals of its own). */
        @Override
        public boolean equals(Object o) {
            return o instanceof Log l && l.pattern.pattern().equals(pattern.pattern())
                    && l.pattern.flags() == pattern.flags() && l.times == times && l.timeout.equals(timeout);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(pattern.pattern(), pattern.flags(), times, timeout);
        }

        @Override
        public String toString() {
            return "log /" + pattern + "/" + (times > 1 ? " x" + times : "");
        }
    }

    /**
     * Waits for a port; made by {@link Wait#port(int)}.
     *
     * @param containerPort the container port
     * @param timeout the bound
     * @param pollEvery the poll interval, or null for Berth's back-off
     */
    record Port(int containerPort, Duration timeout, Duration pollEvery) implements Wait {
        /**
         * Checks the values.
         *
         * @param containerPort see {@link #containerPort()}
         * @param timeout see {@link #timeout()}
         * @param pollEvery see {@link #pollEvery()}
         * @throws InvalidSpecException when the port is out of range or a duration is not positive
         */
        public Port {
            portOf(containerPort);
            timeout = timeoutOf(timeout);
            pollEvery = pollOf(pollEvery);
        }

        /**
         * This wait's bound.
         *
         * @param value positive
         * @return a new wait; this one is unchanged
         * @throws InvalidSpecException when the timeout is not positive
         */
        public Port timeout(Duration value) {
            return new Port(containerPort, value, pollEvery);
        }

        /**
         * A fixed poll interval instead of Berth's back-off.
         *
         * @param value positive
         * @return a new wait; this one is unchanged
         * @throws InvalidSpecException when it is not positive
         */
        public Port pollEvery(Duration value) {
            return new Port(containerPort, timeout, value);
        }

        @Override
        public String toString() {
            return "port " + containerPort;
        }
    }

    /**
     * Waits for an HTTP answer; made by {@link Wait#http(int, String)}.
     *
     * @param containerPort the container port
     * @param path the request path
     * @param statusRule the status rule in words, e.g. "2xx"
     * @param status the status predicate
     * @param bodyRule the body rule in words
     * @param body the body predicate
     * @param timeout the bound
     * @param pollEvery the poll interval, or null for Berth's back-off
     */
    record Http(int containerPort, String path, String statusRule, IntPredicate status, String bodyRule,
            Predicate<String> body, Duration timeout, Duration pollEvery) implements Wait {
        /**
         * Checks the values.
         *
         * @param containerPort see {@link #containerPort()}
         * @param path see {@link #path()}
         * @param statusRule see {@link #statusRule()}
         * @param status see {@link #status()}
         * @param bodyRule see {@link #bodyRule()}
         * @param body see {@link #body()}
         * @param timeout see {@link #timeout()}
         * @param pollEvery see {@link #pollEvery()}
         * @throws InvalidSpecException when the port is out of range, a rule is missing, or a duration is not positive
         */
        public Http {
            portOf(containerPort);
            Validation.absolutePath("http wait path", path, "start it with '/', e.g. \"/health\"");
            Validation.required("http wait status rule", status, "use forStatus(200)");
            Validation.required("http wait body rule", body, "use forBodyContaining(\"ok\")");
            timeout = timeoutOf(timeout);
            pollEvery = pollOf(pollEvery);
        }

        /** Predicates have no equality: two waits are equal when their rule texts are (the texts stand for them). */
        @Override
        public boolean equals(Object o) {
            return o instanceof Http h && h.containerPort == containerPort && h.path.equals(path)
                    && h.statusRule.equals(statusRule) && h.bodyRule.equals(bodyRule) && h.timeout.equals(timeout)
                    && java.util.Objects.equals(h.pollEvery, pollEvery);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(containerPort, path, statusRule, bodyRule, timeout, pollEvery);
        }

        /**
         * Ready when the status is exactly {@code expected}.
         *
         * @param expected e.g. 204
         * @return a new wait; this one is unchanged
         */
        public Http forStatus(int expected) {
            return new Http(containerPort, path, String.valueOf(expected), s -> s == expected, bodyRule, body, timeout,
                    pollEvery);
        }

        /**
         * Ready when the status passes the predicate.
         *
         * @param rule the rule in words, for messages
         * @param predicate the test
         * @return a new wait; this one is unchanged
         */
        public Http forStatus(String rule, IntPredicate predicate) {
            return new Http(containerPort, path, rule, predicate, bodyRule, body, timeout, pollEvery);
        }

        /**
         * Ready when the body contains the text.
         *
         * @param text the text
         * @return a new wait; this one is unchanged
         */
        public Http forBodyContaining(String text) {
            return new Http(containerPort, path, statusRule, status, "body contains '" + text + "'",
                    b -> b.contains(text), timeout, pollEvery);
        }

        /**
         * Ready when the body passes the predicate.
         *
         * @param rule the rule in words, for messages
         * @param predicate the test
         * @return a new wait; this one is unchanged
         */
        public Http forBody(String rule, Predicate<String> predicate) {
            return new Http(containerPort, path, statusRule, status, rule, predicate, timeout, pollEvery);
        }

        /**
         * This wait's bound.
         *
         * @param value positive
         * @return a new wait; this one is unchanged
         * @throws InvalidSpecException when the timeout is not positive
         */
        public Http timeout(Duration value) {
            return new Http(containerPort, path, statusRule, status, bodyRule, body, value, pollEvery);
        }

        /**
         * A fixed poll interval instead of Berth's back-off.
         *
         * @param value positive
         * @return a new wait; this one is unchanged
         * @throws InvalidSpecException when it is not positive
         */
        public Http pollEvery(Duration value) {
            return new Http(containerPort, path, statusRule, status, bodyRule, body, timeout, value);
        }

        @Override
        public String toString() {
            return "http :" + containerPort + path + " status " + statusRule + ", " + bodyRule;
        }
    }

    /**
     * Waits for the health check; made by {@link Wait#healthy()}.
     *
     * @param timeout the bound
     * @param pollEvery the poll interval, or null for Berth's back-off
     */
    record Healthy(Duration timeout, Duration pollEvery) implements Wait {
        /**
         * Checks the values.
         *
         * @param timeout see {@link #timeout()}
         * @param pollEvery see {@link #pollEvery()}
         * @throws InvalidSpecException when a duration is not positive
         */
        public Healthy {
            timeout = timeoutOf(timeout);
            pollEvery = pollOf(pollEvery);
        }

        /**
         * This wait's bound.
         *
         * @param value positive
         * @return a new wait; this one is unchanged
         * @throws InvalidSpecException when the timeout is not positive
         */
        public Healthy timeout(Duration value) {
            return new Healthy(value, pollEvery);
        }

        @Override
        public String toString() {
            return "healthy";
        }
    }

    /**
     * Waits for a command to succeed; made by {@link Wait#exec(String...)}.
     *
     * @param command the program and its arguments
     * @param timeout the bound
     * @param pollEvery the poll interval, or null for Berth's back-off
     */
    record Exec(List<String> command, Duration timeout, Duration pollEvery) implements Wait {
        /**
         * Checks the values.
         *
         * @param command see {@link #command()}
         * @param timeout see {@link #timeout()}
         * @param pollEvery see {@link #pollEvery()}
         * @throws InvalidSpecException when the command is empty or a duration is not positive
         */
        public Exec {
            command = Validation.command("exec wait command",
                    command == null ? null : command.toArray(String[]::new), "Wait.exec(\"pg_isready\")");
            timeout = timeoutOf(timeout);
            pollEvery = pollOf(pollEvery);
        }

        /**
         * This wait's bound.
         *
         * @param value positive
         * @return a new wait; this one is unchanged
         * @throws InvalidSpecException when the timeout is not positive
         */
        public Exec timeout(Duration value) {
            return new Exec(command, value, pollEvery);
        }

        @Override
        public String toString() {
            return "exec " + String.join(" ", command) + " exits 0";
        }
    }

    /**
     * Waits for the container to exit; made by {@link Wait#exited()}.
     *
     * @param timeout the bound
     */
    record Exited(Duration timeout) implements Wait {
        /**
         * Checks the value.
         *
         * @param timeout see {@link #timeout()}
         * @throws InvalidSpecException when it is not positive
         */
        public Exited {
            timeout = timeoutOf(timeout);
        }

        /**
         * This wait's bound.
         *
         * @param value positive
         * @return a new wait; this one is unchanged
         * @throws InvalidSpecException when the timeout is not positive
         */
        public Exited timeout(Duration value) {
            return new Exited(value);
        }

        @Override
        public String toString() {
            return "exited";
        }
    }

    /**
     * Every wait holds; they are checked side by side and the overall timeout bounds them all.
     *
     * @param waits the waits
     * @param timeout the overall bound
     */
    record All(List<Wait> waits, Duration timeout) implements Wait {
        /**
         * Checks the values.
         *
         * @param waits see {@link #waits()}
         * @param timeout see {@link #timeout()}
         * @throws InvalidSpecException when there is no wait, a null, or the timeout is not positive
         */
        public All {
            waits = checked(waits == null ? null : waits.toArray(Wait[]::new));
            timeout = timeoutOf(timeout);
        }

        /**
         * The overall bound.
         *
         * @param value positive
         * @return a new wait; this one is unchanged
         * @throws InvalidSpecException when the timeout is not positive
         */
        public All timeout(Duration value) {
            return new All(waits, value);
        }

        @Override
        public String toString() {
            return waits.stream().map(Object::toString).collect(Collectors.joining(" and ", "(", ")"));
        }
    }

    /**
     * The first wait that holds ends the wait.
     *
     * @param waits the waits
     * @param timeout the overall bound
     */
    record Any(List<Wait> waits, Duration timeout) implements Wait {
        /**
         * Checks the values.
         *
         * @param waits see {@link #waits()}
         * @param timeout see {@link #timeout()}
         * @throws InvalidSpecException when there is no wait, a null, or the timeout is not positive
         */
        public Any {
            waits = checked(waits == null ? null : waits.toArray(Wait[]::new));
            timeout = timeoutOf(timeout);
        }

        /**
         * The overall bound.
         *
         * @param value positive
         * @return a new wait; this one is unchanged
         * @throws InvalidSpecException when the timeout is not positive
         */
        public Any timeout(Duration value) {
            return new Any(waits, value);
        }

        @Override
        public String toString() {
            return waits.stream().map(Object::toString).collect(Collectors.joining(" or ", "(", ")"));
        }
    }
}
