package dev.berth;

/**
 * The tokens that let another engine join as a worker or a manager ({@code docker swarm join-token -q}). Never
 * printed: they grant access.
 *
 * @param worker the token to join as a worker
 * @param manager the token to join as a manager
 */
public record JoinTokens(Secret worker, Secret manager) {
}
