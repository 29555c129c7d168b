package dev.berth.core.internal.containers;

import dev.berth.InvalidSpecException;

/** Checks of arguments handed to a container handle: refused before any engine request, with the fix. */
final class Arguments {
    private Arguments() {
    }

    static void required(String what, Object value, String fix) {
        if (value == null) {
            throw new InvalidSpecException(what, null, "it is required (null given)", fix);
        }
    }

    /** Container paths are absolute: the engine resolves a relative one against "/" or refuses it. */
    static void absolute(String what, String path) {
        if (path == null || !path.startsWith("/")) {
            throw new InvalidSpecException(what, path, "it must be an absolute container path",
                    "start it with '/', e.g. \"/tmp\"");
        }
    }
}
