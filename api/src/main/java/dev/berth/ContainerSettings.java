package dev.berth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a container was configured, as the engine reports it in {@code docker inspect} ({@code .Config} and
 * {@code .HostConfig}, plus {@code .Mounts}): what a test checks after {@code docker run} with limits, a user, a
 * restart policy and so on. Reached through {@link ContainerState#settings()}. Values are the engine's, read the same
 * way from API 1.41 (Docker 20.10) and 1.51 (Docker 28): an unset limit is 0, an unset list is empty.
 *
 * @param user the user the process runs as ({@code --user}, {@code .Config.User}); empty for the image's default
 * @param env the environment the engine holds ({@code -e}, {@code .Config.Env}), the image's variables included, in
 *     the engine's order. These are the engine's values, unmasked: a {@link Secret} given in the spec is masked only
 *     in Berth's own output, the engine stores and returns the plain value, so do not log this map
 * @param memoryBytes the memory limit in bytes ({@code --memory}, {@code .HostConfig.Memory}); 0 for none
 * @param nanoCpus the CPU limit in billionths of a CPU ({@code --cpus}, {@code .HostConfig.NanoCpus}); 0 for none
 * @param cpuShares the relative CPU weight ({@code --cpu-shares}); 0 for the default
 * @param pidsLimit the process limit ({@code --pids-limit}, {@code .HostConfig.PidsLimit}); 0 for none (the engine's
 *     null, 0 and -1 all mean none)
 * @param restartPolicy the restart policy with its maximum retry count ({@code --restart},
 *     {@code .HostConfig.RestartPolicy}); {@link RestartPolicy#NO} when none was set
 * @param readOnlyRootfs whether the root file system is read-only ({@code --read-only})
 * @param capAdd capabilities added ({@code --cap-add}), as the engine stores them: the docker CLI sends
 *     {@code CAP_CHOWN} for {@code CHOWN}, Berth sends what the spec says
 * @param capDrop capabilities dropped ({@code --cap-drop}), as the engine stores them
 * @param mounts what is mounted into the container ({@code -v}, {@code --mount}; {@code .Mounts})
 * @param portBindings the port bindings asked for ({@code -p}, {@code .HostConfig.PortBindings}); a host port of 0
 *     means "the engine chooses" (see {@link ContainerState#ports()} for the ports actually published)
 * @param privileged whether the container is privileged ({@code --privileged})
 * @param init whether an init process runs as PID 1 ({@code --init}); null when the engine's default applies
 * @param networkMode the network mode ({@code --network}, {@code .HostConfig.NetworkMode}): the engine's word for the
 *     default bridge differs ("default" on 20.10, "bridge" on 28)
 * @param tmpfs tmpfs mounts by container path, with their options ({@code --tmpfs})
 * @param ulimits resource limits ({@code --ulimit})
 * @param securityOptions security options ({@code --security-opt}), e.g. {@code no-new-privileges}
 */
public record ContainerSettings(
        String user,
        Map<String, String> env,
        long memoryBytes,
        long nanoCpus,
        long cpuShares,
        long pidsLimit,
        RestartPolicy restartPolicy,
        boolean readOnlyRootfs,
        List<String> capAdd,
        List<String> capDrop,
        List<MountPoint> mounts,
        List<PublishedPort> portBindings,
        boolean privileged,
        Boolean init,
        String networkMode,
        Map<String, String> tmpfs,
        List<Ulimit> ulimits,
        List<String> securityOptions) {

    /**
     * Copies the collections, so the value cannot change.
     *
     * @param user see {@link #user()}
     * @param env see {@link #env()}
     * @param memoryBytes see {@link #memoryBytes()}
     * @param nanoCpus see {@link #nanoCpus()}
     * @param cpuShares see {@link #cpuShares()}
     * @param pidsLimit see {@link #pidsLimit()}
     * @param restartPolicy see {@link #restartPolicy()}
     * @param readOnlyRootfs see {@link #readOnlyRootfs()}
     * @param capAdd see {@link #capAdd()}
     * @param capDrop see {@link #capDrop()}
     * @param mounts see {@link #mounts()}
     * @param portBindings see {@link #portBindings()}
     * @param privileged see {@link #privileged()}
     * @param init see {@link #init()}
     * @param networkMode see {@link #networkMode()}
     * @param tmpfs see {@link #tmpfs()}
     * @param ulimits see {@link #ulimits()}
     * @param securityOptions see {@link #securityOptions()}
     */
    public ContainerSettings {
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        capAdd = List.copyOf(capAdd);
        capDrop = List.copyOf(capDrop);
        mounts = List.copyOf(mounts);
        portBindings = List.copyOf(portBindings);
        tmpfs = Collections.unmodifiableMap(new LinkedHashMap<>(tmpfs));
        ulimits = List.copyOf(ulimits);
        securityOptions = List.copyOf(securityOptions);
    }

    /**
     * The CPU limit as {@code docker run --cpus} writes it.
     *
     * @return the number of CPUs, e.g. 0.5; 0 when there is no limit
     */
    public double cpus() {
        return nanoCpus / 1e9;
    }

    /**
     * One entry of {@code docker inspect}'s {@code .Mounts}.
     *
     * @param type "volume", "bind", "tmpfs" or another engine mount type
     * @param name the volume's name; null for a bind mount
     * @param source the host path (for a volume: where the engine keeps its data)
     * @param destination the path inside the container
     * @param mode the mode text the engine keeps (e.g. "z", "ro"); often empty
     * @param readWrite whether the container can write to it (false for {@code :ro} / {@code readonly})
     */
    public record MountPoint(String type, String name, String source, String destination, String mode,
            boolean readWrite) {
        @Override
        public String toString() {
            return (name != null && !name.isEmpty() ? name : source) + ":" + destination + (readWrite ? "" : ":ro")
                    + " (" + type + ")";
        }
    }

    /**
     * One resource limit ({@code docker run --ulimit name=soft:hard}).
     *
     * @param name the limit, e.g. "nofile"
     * @param soft the soft limit
     * @param hard the hard limit
     */
    public record Ulimit(String name, long soft, long hard) {
        @Override
        public String toString() {
            return name + "=" + soft + ":" + hard;
        }
    }

    /** A short summary; the environment is left out, since the engine's values are not masked. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("settings[");
        s.append("user=").append(user.isEmpty() ? "(image default)" : user);
        if (memoryBytes > 0) {
            s.append(" memory=").append(memoryBytes);
        }
        if (nanoCpus > 0) {
            s.append(" cpus=").append(cpus());
        }
        if (pidsLimit > 0) {
            s.append(" pids=").append(pidsLimit);
        }
        s.append(" restart=").append(restartPolicy);
        if (readOnlyRootfs) {
            s.append(" read-only");
        }
        if (privileged) {
            s.append(" privileged");
        }
        if (!capAdd.isEmpty()) {
            s.append(" cap-add=").append(capAdd);
        }
        if (!capDrop.isEmpty()) {
            s.append(" cap-drop=").append(capDrop);
        }
        if (!mounts.isEmpty()) {
            s.append(" mounts=").append(mounts);
        }
        s.append(" network=").append(networkMode);
        return s.append(" env=").append(env.size()).append(" variables]").toString();
    }
}
