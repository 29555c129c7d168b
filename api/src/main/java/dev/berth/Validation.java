package dev.berth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Spec checks shared by the value types; every failure names the rule, the value and the fix. */
final class Validation {
    /** Docker's rule for container, volume and network names (daemon/names.go): {@code [a-zA-Z0-9][a-zA-Z0-9_.-]}. */
    static final String NAME_RULE = "[a-zA-Z0-9][a-zA-Z0-9_.-]*";
    private static final Pattern CONTAINER_NAME = Pattern.compile("/?[a-zA-Z0-9][a-zA-Z0-9_.-]+");
    private static final Pattern OBJECT_NAME = Pattern.compile(NAME_RULE);
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(i?b?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CAPABILITY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern SIGNAL = Pattern.compile("(SIG)?[A-Z][A-Z0-9+-]*|[1-9]\\d?", Pattern.CASE_INSENSITIVE);
    /** The engine refuses memory limits below 6 MiB. */
    static final long MIN_MEMORY = 6L * 1024 * 1024;
    /** No machine has more: larger values are typos (and 99999999999t overflows a long). */
    static final long MAX_SIZE = 1L << 50;

    private Validation() {
    }

    static <T> T required(String what, T value, String fix) {
        if (value == null) {
            throw new InvalidSpecException(what, null, "it is required (null given)", fix);
        }
        return value;
    }

    static void port(String what, int port, String fix) {
        if (port < 1 || port > 65535) {
            throw new InvalidSpecException(what, port, "a port must be between 1 and 65535", fix);
        }
    }

    static String containerName(String name) {
        if (name == null || !CONTAINER_NAME.matcher(name).matches()) {
            throw new InvalidSpecException("container name", name,
                    "a name must match [a-zA-Z0-9][a-zA-Z0-9_.-]+ (at least two characters)",
                    "use letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
        return name.startsWith("/") ? name.substring(1) : name;
    }

    /** Volume and network names: Docker's name rule, checked here so a bad name never reaches the engine. */
    static String objectName(String what, String name, String fix) {
        if (name == null || !OBJECT_NAME.matcher(name).matches()) {
            throw new InvalidSpecException(what, name, "a name must match " + NAME_RULE, fix);
        }
        return name;
    }

    static String notBlank(String what, String value, String fix) {
        if (value == null || value.isBlank()) {
            throw new InvalidSpecException(what, value, "it must not be empty", fix);
        }
        return value;
    }

    /** A command line in exec form: at least one word, the first not blank, no null word. */
    static List<String> command(String what, String[] words, String fix) {
        if (words == null || words.length == 0 || words[0] == null || words[0].isBlank()) {
            throw new InvalidSpecException(what, words == null ? null : java.util.Arrays.toString(words),
                    "a " + what + " needs at least one word, and the first (the program) must not be empty",
                    "give the program and its arguments, e.g. " + fix);
        }
        List<String> list = new ArrayList<>();
        for (String w : words) {
            if (w == null) {
                throw new InvalidSpecException(what, java.util.Arrays.toString(words),
                        "a " + what + " word must not be null", "pass \"\" for an empty argument");
            }
            list.add(w);
        }
        return List.copyOf(list);
    }

    static void envKey(String key) {
        if (key == null || key.isEmpty() || key.contains("=") || key.indexOf('\0') >= 0) {
            throw new InvalidSpecException("environment variable name", key,
                    "a name must be non-empty and must not contain '=' or NUL", "pass the name and the value separately");
        }
    }

    static void labelKey(String key) {
        if (key == null || key.isBlank() || key.contains("=")) {
            throw new InvalidSpecException("label key", key, "a label key must not be empty nor contain '='",
                    "give a key such as \"app\" or \"com.example.role\"");
        }
    }

    static void absolutePath(String what, String path, String fix) {
        if (path == null || !path.startsWith("/")) {
            throw new InvalidSpecException(what, path, "it must be an absolute container path", fix);
        }
    }

    static void hostname(String what, String name) {
        if (name == null || name.length() > 253 || !OBJECT_NAME.matcher(name).matches()) {
            throw new InvalidSpecException(what, name, "a host name must match " + NAME_RULE + " (at most 253 characters)",
                    "use letters, digits, '.', '-' or '_', e.g. \"db\"");
        }
    }

    /** An IPv4 or IPv6 literal; {@code host-gateway} too where the engine resolves it. */
    static void hostIp(String what, String ip, boolean hostGatewayAllowed) {
        boolean ok = ip != null && (ip.matches("(\\d{1,3})(\\.\\d{1,3}){3}") && ipv4InRange(ip)
                || ip.contains(":") && ip.matches("[0-9a-fA-F:.]+")
                || hostGatewayAllowed && ip.equals("host-gateway"));
        if (!ok) {
            throw new InvalidSpecException(what, ip, "it must be an IPv4 or IPv6 address"
                    + (hostGatewayAllowed ? " or \"host-gateway\"" : ""), "e.g. \"127.0.0.1\"");
        }
    }

    private static boolean ipv4InRange(String ip) {
        for (String part : ip.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Networks a container can join: a network name or id, or the modes bridge/host/none/container:NAME. */
    static void networkMode(String network) {
        String name = network != null && network.startsWith("container:") ? network.substring(10) : network;
        if (name == null || !OBJECT_NAME.matcher(name).matches()) {
            throw new InvalidSpecException("network", network,
                    "a network is a name matching " + NAME_RULE + ", or container:NAME",
                    "name a network, e.g. \"bridge\" or one from docker.networks().create(...)");
        }
    }

    static List<String> capabilities(String[] capabilities) {
        required("capabilities", capabilities, "name one, e.g. \"NET_ADMIN\"");
        for (String c : capabilities) {
            if (c == null || !CAPABILITY.matcher(c).matches()) {
                throw new InvalidSpecException("capability", c, "a capability is a name like NET_ADMIN or ALL",
                        "see `man 7 capabilities`; the CAP_ prefix is optional");
            }
        }
        return List.of(capabilities);
    }

    static void signal(String what, String signal) {
        if (signal == null || !SIGNAL.matcher(signal).matches()) {
            throw new InvalidSpecException(what, signal, "a signal is a name (SIGTERM, TERM) or a number 1-64",
                    "e.g. \"SIGINT\"");
        }
    }

    /** A duration of at least {@code min}; null is refused. */
    static Duration duration(String what, Duration value, Duration min, String fix) {
        if (value == null || value.compareTo(min) < 0) {
            throw new InvalidSpecException(what, value, "it must be at least " + describe(min), fix);
        }
        return value;
    }

    private static String describe(Duration d) {
        return d.isZero() ? "0" : d.toMillis() + " ms";
    }

    /** Parses "512m", "1g", "1.5GiB", "1048576" into bytes, as the docker CLI does (binary units). */
    static long parseSize(String what, String text) {
        var m = text == null ? null : SIZE.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new InvalidSpecException(what, text, "a size is a number with an optional unit b, k, m, g or t",
                    "write it like \"512m\" or \"2g\"");
        }
        double number = Double.parseDouble(m.group(1));
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        double bytes = number * (1L << shift);
        if (bytes > MAX_SIZE) { // a double cast to long would silently become Long.MAX_VALUE
            throw new InvalidSpecException(what, text, "a size must be at most 1024t",
                    "check the number and the unit, e.g. \"512m\" or \"2g\"");
        }
        return (long) bytes;
    }

    static long memory(String what, long bytes) {
        if (bytes < MIN_MEMORY || bytes > MAX_SIZE) {
            throw new InvalidSpecException(what, bytes + " bytes", "the engine needs at least 6 MiB (and at most 1024 TiB)",
                    "give at least \"6m\"; typical values are \"256m\" or \"1g\"");
        }
        return bytes;
    }

    /** One fixed host port (per IP and protocol) can be published once: the second would fail as "in use". */
    static void distinctHostPort(List<PortBinding> existing, PortBinding added) {
        if (added.randomHostPort()) {
            return;
        }
        for (PortBinding p : existing) {
            boolean sameIp = p.hostIp().equals(added.hostIp()) || p.hostIp().equals("0.0.0.0")
                    || added.hostIp().equals("0.0.0.0");
            if (p.hostPort() == added.hostPort() && p.protocol() == added.protocol() && sameIp) {
                throw new InvalidSpecException("host port", added.hostPort(),
                        "one host port can be published once per spec; it is already bound by " + p,
                        "publish each host port once, or use publish(" + added.containerPort()
                                + ") for a random free host port");
            }
        }
    }
}
