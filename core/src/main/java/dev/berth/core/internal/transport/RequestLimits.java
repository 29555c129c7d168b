package dev.berth.core.internal.transport;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deadlines of every request, in one place: how long the engine may take to start answering ({@code head}) and
 * how long an answer may stay silent ({@code bodyIdle}); {@link Duration#ZERO} means no limit, only for requests
 * that wait by design (a container's exit, a follow, an exec's output, events, a build step). Those are bounded by
 * their callers and ended by {@code Docker.close()}.
 */
public record RequestLimits(Duration head, Duration bodyIdle) {
    private static final Pattern VERSION = Pattern.compile("^/v[0-9.]+(?=/)");
    private static final Pattern STOP = Pattern.compile("^/containers/[^/]+/(stop|restart)(\\?.*)?$");
    private static final Pattern STOP_SECONDS = Pattern.compile("[?&]t=(\\d+)");
    private static final Pattern WAITS_BY_DESIGN = Pattern.compile(
            "^/containers/[^/]+/(wait|attach)(\\?.*)?$|^/exec/[^/]+/start(\\?.*)?$|^/events(\\?.*)?$|^/build(\\?.*)?$");
    private static final Pattern FOLLOW = Pattern.compile("^/containers/[^/]+/(logs|stats)\\?(.*&)?(follow=(1|true)|stream=(1|true))(&.*)?$");

    public static RequestLimits of(String method, String path, Duration requestTimeout) {
        String bare = VERSION.matcher(path).replaceFirst("");
        if (WAITS_BY_DESIGN.matcher(bare).matches()) {
            return new RequestLimits(bare.startsWith("/containers") && bare.contains("/wait") ? Duration.ZERO
                    : requestTimeout, Duration.ZERO);
        }
        if (FOLLOW.matcher(bare).matches()) {
            return new RequestLimits(requestTimeout, Duration.ZERO);
        }
        if (STOP.matcher(bare).matches()) {
            // the engine answers after the stop grace period (10 s unless t= says otherwise)
            Matcher t = STOP_SECONDS.matcher(bare);
            long grace = t.find() ? Long.parseLong(t.group(1)) : 10;
            return new RequestLimits(requestTimeout.plusSeconds(grace), requestTimeout);
        }
        return new RequestLimits(requestTimeout, requestTimeout);
    }
}
