package dev.berth;

import java.util.List;

/**
 * {@code docker swarm / node / secret / config / service}: the engine's built-in orchestrator. A node that is not
 * in a swarm answers {@link #isActive()} false and every other call throws {@link NotInSwarmException}.
 */
public interface Swarm {
    /**
     * {@code docker swarm init --advertise-addr ADDR}: this engine becomes a one-node swarm (its manager).
     *
     * @param advertiseAddress the address other nodes reach this one at, e.g. {@code 127.0.0.1}
     * @return the new swarm
     * @throws InvalidSpecException when the address is blank
     */
    SwarmInfo init(String advertiseAddress);

    /**
     * {@code docker swarm join --token TOKEN MANAGER:2377 --advertise-addr ADDR --listen-addr ADDR:2377}.
     *
     * @param managerAddress a manager's address
     * @param token a worker or manager token from {@link #joinTokens()}
     * @param advertiseAddress the address other nodes reach this one at
     * @throws InvalidSpecException when the advertise address is blank
     */
    void join(String managerAddress, String token, String advertiseAddress);

    /**
     * {@code docker swarm inspect}: the cluster as its manager sees it.
     *
     * @return the swarm
     * @throws NotInSwarmException when this engine is not a swarm manager
     */
    SwarmInfo inspect();

    /**
     * Whether this engine is in a swarm ({@code docker info}'s {@code Swarm: active}).
     *
     * @return true when this engine is an active swarm member (manager or worker)
     */
    boolean isActive();

    /**
     * {@code docker swarm leave}: a worker leaves its swarm. A manager is refused, because its leaving can cost the
     * swarm its quorum or, on a one-node swarm, all its state: use {@link #forceLeave()} for that.
     *
     * @throws ConflictException when this node is a manager (the message names {@code forceLeave()})
     * @throws NotInSwarmException when this engine is in no swarm
     */
    void leave();

    /**
     * {@code docker swarm leave --force}: leaves even as a manager. On a one-node swarm this ends the swarm: its
     * services, secrets and configs are gone.
     *
     * @throws NotInSwarmException when this engine is in no swarm
     */
    void forceLeave();

    /**
     * {@code docker swarm join-token worker|manager -q}.
     *
     * @return both tokens, as secrets
     * @throws NotInSwarmException when this engine is not a swarm manager
     */
    JoinTokens joinTokens();

    /**
     * {@code docker node ls}.
     *
     * @return every node of the swarm
     * @throws NotInSwarmException when this engine is not a swarm manager
     */
    List<NodeInfo> nodes();

    /**
     * {@code docker node inspect ID|HOSTNAME|self}.
     *
     * @param idOrHostname the node's id or hostname, or {@code self}
     * @return the node
     * @throws NotFoundException when there is no such node
     */
    NodeInfo node(String idOrHostname);

    /**
     * {@code docker node update --availability active|pause|drain NODE}.
     *
     * @param idOrHostname the node's id or hostname, or {@code self}
     * @param availability the new availability
     * @return the node as updated
     * @throws NotFoundException when there is no such node
     */
    NodeInfo availability(String idOrHostname, NodeInfo.Availability availability);

    /**
     * {@code docker node update --label-add KEY=VALUE NODE}.
     *
     * @param idOrHostname the node's id or hostname, or {@code self}
     * @param key the label key (e.g. {@code zone}, for {@code node.labels.zone})
     * @param value the label value
     * @return the node as updated
     * @throws NotFoundException when there is no such node
     */
    NodeInfo label(String idOrHostname, String key, String value);

    /**
     * {@code docker node update --label-rm KEY NODE}.
     *
     * @param idOrHostname the node's id or hostname, or {@code self}
     * @param key the label key
     * @return the node as updated
     * @throws NotFoundException when there is no such node
     */
    NodeInfo removeLabel(String idOrHostname, String key);

    /**
     * {@code docker secret create / ls / rm}: values are never logged nor printed.
     *
     * @return the swarm's secrets (no engine call until used)
     */
    SwarmObjects secrets();

    /**
     * {@code docker config create / ls / rm}.
     *
     * @return the swarm's configs (no engine call until used)
     */
    SwarmObjects configs();

    /**
     * {@code docker service create / ls / inspect / update / scale / rollback / rm / ps / logs}.
     *
     * @return the swarm's services (no engine call until used)
     */
    Services services();
}
