package dev.berth;

/** The tokens that let another engine join as a worker or a manager. Never printed: they grant access. */
public record JoinTokens(Secret worker, Secret manager) {
}
