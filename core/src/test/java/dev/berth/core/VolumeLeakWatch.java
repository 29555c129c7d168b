package dev.berth.core;

import dev.berth.ContainerSettings;
import dev.berth.Docker;
import dev.berth.EngineEvent;
import dev.berth.EventFilter;
import dev.berth.EventStream;
import dev.berth.VolumeSpec;
import dev.berth.core.internal.engine.Owner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code @ExtendWith(VolumeLeakWatch.class)}: fails the class when a volume that one of <em>this JVM's</em> containers
 * used is still on the engine after the class (typically an anonymous volume the engine made for an image's
 * {@code VOLUME}, which carries no label: a container removed without {@code -v}, a stack {@code down()} without
 * volumes, a swarm task). Other processes create volumes on the same engine meanwhile, so a volume counts only when
 * it was created during the class and a container of this JVM mounted it: Berth's containers (their
 * {@code dev.berth.owner} label names this process), compose projects the test handed to the CLI ({@link #claim}),
 * and tasks of a swarm this JVM made ({@link #claimSwarmNode}). The leaked volumes are removed after the report.
 */
public final class VolumeLeakWatch implements BeforeAllCallback, AfterAllCallback {
    private static final Set<String> CLAIMED_PROJECTS = ConcurrentHashMap.newKeySet();
    private static final Set<String> CLAIMED_NODES = ConcurrentHashMap.newKeySet();
    private static final String OWNER = Owner.current().label();

    /**
     * A compose project or swarm stack the test brings up through the CLI: its containers count as this JVM's.
     *
     * @param projectOrStack the name
     * @return the name, for use inline
     */
    public static String claim(String projectOrStack) {
        CLAIMED_PROJECTS.add(projectOrStack);
        return projectOrStack;
    }

    /**
     * A swarm node this JVM made (init): every task container on it is this JVM's.
     *
     * @param nodeId the node's id
     */
    public static void claimSwarmNode(String nodeId) {
        CLAIMED_NODES.add(nodeId);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Watch watch = new Watch(Docker.connect());
        context.getStore(ExtensionContext.Namespace.create(VolumeLeakWatch.class)).put("watch", watch);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Watch watch = context.getStore(ExtensionContext.Namespace.create(VolumeLeakWatch.class))
                .remove("watch", Watch.class);
        if (watch != null) {
            watch.check(context.getRequiredTestClass().getSimpleName());
        }
    }

    /** True for containers this JVM made, judged by the labels their create event carries. */
    static boolean ours(Map<String, String> labels) {
        return OWNER.equals(labels.get(Owner.LABEL))
                || CLAIMED_PROJECTS.contains(labels.getOrDefault("com.docker.compose.project", ""))
                || CLAIMED_PROJECTS.contains(labels.getOrDefault("com.docker.stack.namespace", ""))
                || CLAIMED_NODES.contains(labels.getOrDefault("com.docker.swarm.node.id", ""));
    }

    /** One watch over the engine's events, from its start until {@link #leaked()} or {@link #check}. */
    static final class Watch {
        private final Docker docker;
        private final Set<String> createdVolumes = ConcurrentHashMap.newKeySet();
        private final Map<String, String> ourContainers = new ConcurrentHashMap<>(); // id -> name + image
        private final Map<String, String> usedBy = new ConcurrentHashMap<>(); // volume -> container id
        private final Map<String, CountDownLatch> markers = new ConcurrentHashMap<>();
        private final EventStream events;

        Watch(Docker docker) {
            this.docker = docker;
            this.events = docker.system().events(EventFilter.all().type("container").type("volume"), this::seen);
        }

        private void seen(EngineEvent e) {
            if (e.type().equals("volume")) {
                switch (e.action()) {
                    case "create" -> createdVolumes.add(e.actorId());
                    case "mount" -> usedBy.putIfAbsent(e.actorId(), e.attributes().getOrDefault("container", ""));
                    case "destroy" -> {
                        CountDownLatch marker = markers.get(e.actorId());
                        if (marker != null) {
                            marker.countDown();
                        }
                    }
                    default -> { }
                }
            } else if (e.action().equals("create") && ours(e.attributes())) {
                ourContainers.put(e.actorId(), e.actorName() + " (" + e.attributes().get("image") + ")");
                // a container that is never started mounts nothing: read its volumes now (one removed within
                // milliseconds of its create is missed, unless it was started)
                try {
                    docker.containers().find(e.actorId()).ifPresent(c -> c.inspect().settings().mounts().stream()
                            .filter(m -> "volume".equals(m.type()) && m.name() != null)
                            .forEach(m -> usedBy.putIfAbsent(m.name(), e.actorId())));
                } catch (RuntimeException removedMeanwhile) {
                    // removed while inspected: nothing of it can be checked later either
                }
            }
        }

        /**
         * The volumes created since the start, used by a container of this JVM and still on the engine, each with
         * that container's name and image.
         */
        Map<String, String> leaked() throws InterruptedException {
            // events arrive in order: once the marker's destroy is here, so is everything before it
            String marker = "berth-leakwatch-" + UUID.randomUUID().toString().substring(0, 8);
            CountDownLatch seen = new CountDownLatch(1);
            markers.put(marker, seen);
            docker.volumes().create(VolumeSpec.named(marker)).close();
            if (!seen.await(30, TimeUnit.SECONDS)) {
                fail("VolumeLeakWatch: the engine's events did not come within 30 s");
            }
            Map<String, String> leaked = new TreeMap<>();
            for (String volume : createdVolumes) {
                String container = usedBy.get(volume);
                if (container != null && ourContainers.containsKey(container)
                        && docker.volumes().find(volume).isPresent()) {
                    leaked.put(volume, ourContainers.get(container));
                }
            }
            return leaked;
        }

        void check(String testClass) {
            try {
                Map<String, String> leaked = leaked();
                if (!leaked.isEmpty()) {
                    List<String> notRemoved = removeQuietly(leaked.keySet());
                    fail(testClass + " left " + leaked.size() + " volume(s) its containers used: " + leaked
                            + (notRemoved.isEmpty() ? " (removed now)" : "; still in use, not removed: " + notRemoved));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                close();
            }
        }

        void close() {
            try {
                events.close();
            } finally {
                docker.close();
            }
        }

        private List<String> removeQuietly(Set<String> volumes) {
            List<String> failed = new ArrayList<>();
            for (String volume : volumes) {
                try {
                    docker.volumes().get(volume).remove();
                } catch (RuntimeException e) {
                    failed.add(volume + ": " + e.getMessage());
                }
            }
            return failed;
        }
    }
}
