package dev.berth.core.internal.wait;

/** What a wait needs to know about a log follow beyond {@code LogFollow}: whether its stream broke. */
public interface FollowHealth {
    /** Why the stream broke (cut, engine restart, closed), or null while it is fine or ended by itself. */
    Throwable failure();
}
