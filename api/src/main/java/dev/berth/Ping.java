package dev.berth;

import java.time.Duration;

/** The engine answered {@code /_ping}: its API version, OS type, and how long the round trip took. */
public record Ping(String apiVersion, String osType, Duration roundTrip) {
    @Override
    public String toString() {
        return "pong from " + osType + " engine (API " + apiVersion + ") in " + roundTrip.toMillis() + " ms";
    }
}
