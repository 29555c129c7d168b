package dev.berth.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads the lists in prune answers. */
public final class Prunes {
    private Prunes() {
    }

    /** Dockerd runs one prune of a kind at a time; another one in flight answers HTTP 409 with this text. */
    static final String ALREADY_RUNNING = "prune operation is already running";
    /** Short backoff, bounded: a prune of a few objects takes milliseconds, a big image prune some seconds. */
    private static final int MAX_TRIES = 40;
    private static final long MAX_DELAY_MS = 1_000;

    /**
     * Runs a prune request, waiting out another prune of the same kind (HTTP 409 "a prune operation is already
     * running"): the caller asked for a prune, not for a race with another client. Gives up after about 30 s.
     * Matched on the engine's text, which both 20.10 and 28.5 send, so it holds whatever transport carried it.
     */
    public static JsonNode waitingForOthers(java.util.function.Supplier<JsonNode> prune) {
        long delay = 10;
        for (int attempt = 1; ; attempt++) {
            try {
                return prune.get();
            } catch (RuntimeException e) {
                if (attempt >= MAX_TRIES || !anotherPruneRuns(e)) {
                    throw e;
                }
            }
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new dev.berth.DockerException("Interrupted while waiting for another prune to finish", e);
            }
            delay = Math.min(MAX_DELAY_MS, delay * 2);
        }
    }

    static boolean anotherPruneRuns(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(ALREADY_RUNNING)) {
                return true;
            }
        }
        return false;
    }

    public static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> names.add(n.asText()));
        }
        return names;
    }

    /** Image prunes list {"Untagged": ref} and {"Deleted": id} entries; both count as removed. */
    public static List<String> images(JsonNode array) {
        List<String> removed = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> {
                if (n.has("Untagged")) {
                    removed.add(n.get("Untagged").asText());
                } else if (n.has("Deleted")) {
                    removed.add(n.get("Deleted").asText());
                }
            });
        }
        return removed;
    }
}
