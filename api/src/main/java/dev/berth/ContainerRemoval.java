package dev.berth;

/**
 * How {@link Container#remove(ContainerRemoval)} removes: {@code docker rm [-f] [-v]}. Immutable; start from
 * {@link #stoppedOnly()} or {@link #forced()} and add {@link #withVolumes()}.
 */
public record ContainerRemoval(boolean force, boolean volumes) {
    /**
     * {@code docker rm}: a running container is refused (ConflictException).
     *
     * @return the removal
     */
    public static ContainerRemoval stoppedOnly() {
        return new ContainerRemoval(false, false);
    }

    /**
     * {@code docker rm -f}: kills a running container first.
     *
     * @return the removal
     */
    public static ContainerRemoval forced() {
        return new ContainerRemoval(true, false);
    }

    /**
     * {@code -v}: the container's anonymous volumes go too (named volumes never do).
     *
     * @return a new value; this one is unchanged
     */
    public ContainerRemoval withVolumes() {
        return new ContainerRemoval(force, true);
    }
}
