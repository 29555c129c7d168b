package dev.berth;

import java.util.List;

/**
 * {@code docker swarm / node / secret / config / service}: the engine's built-in orchestrator. A node that is not
 * in a swarm answers {@link #isActive()} false and every other call throws {@link NotInSwarmException}.
 */
public interface Swarm {
    /** {@code docker swarm init --advertise-addr ADDR}: this engine becomes a one-node swarm (its manager). */
    SwarmInfo init(String advertiseAddress);

    /** {@code docker swarm join --token TOKEN MANAGER:2377 --advertise-addr ADDR --listen-addr ADDR:2377}. */
    void join(String managerAddress, String token, String advertiseAddress);

    /** {@code docker swarm inspect}: the cluster as its manager sees it. */
    SwarmInfo inspect();

    /** True when this engine is an active swarm member (manager or worker). */
    boolean isActive();

    /** {@code docker swarm leave [--force]}: a manager needs {@code force}, which ends a one-node swarm. */
    void leave(boolean force);

    /** {@code docker swarm join-token worker|manager -q}. */
    JoinTokens joinTokens();

    /** {@code docker node ls}. */
    List<NodeInfo> nodes();

    /** {@code docker node inspect ID|HOSTNAME|self}. */
    NodeInfo node(String idOrHostname);

    /** {@code docker node update --availability active|pause|drain NODE}. */
    NodeInfo availability(String idOrHostname, NodeInfo.Availability availability);

    /** {@code docker node update --label-add KEY=VALUE NODE}. */
    NodeInfo label(String idOrHostname, String key, String value);

    /** {@code docker node update --label-rm KEY NODE}. */
    NodeInfo removeLabel(String idOrHostname, String key);

    /** {@code docker secret create / ls / rm}: values are never logged nor printed. */
    SwarmObjects secrets();

    /** {@code docker config create / ls / rm}. */
    SwarmObjects configs();

    /** {@code docker service create / ls / inspect / update / scale / rollback / rm / ps / logs}. */
    Services services();
}
