package dev.berth.core.internal;

import dev.berth.Docker;
import dev.berth.EngineEndpoint;
import dev.berth.EngineInfo;
import dev.berth.EngineVersion;
import dev.berth.Ping;
import dev.berth.core.internal.compose.EngineStacks;
import dev.berth.core.internal.compose.StackEngine;
import dev.berth.core.internal.containers.EngineContainers;
import dev.berth.core.internal.engine.Engine;
import dev.berth.core.internal.images.EngineImages;
import dev.berth.core.internal.objects.EngineNetworks;
import dev.berth.core.internal.objects.EngineSystem;
import dev.berth.core.internal.objects.EngineVolumes;
import dev.berth.core.internal.swarm.EngineSwarm;
import dev.berth.core.internal.swarm.SwarmStacks;
import dev.berth.Stacks;

/** A live {@code Docker}: composes the collections over one {@link Engine}; holds no state of its own. */
public final class EngineDocker implements Docker {
    private final Engine engine;
    private final EngineContainers containers;
    private final EngineImages images;
    private final EngineVolumes volumes;
    private final EngineNetworks networks;
    private final EngineSystem system;
    private final AllStacks stacks;
    private final EngineSwarm swarm;

    public EngineDocker(Engine engine) {
        this.engine = engine;
        this.images = new EngineImages(engine);
        this.containers = new EngineContainers(engine);
        this.volumes = new EngineVolumes(engine, containers);
        this.networks = new EngineNetworks(engine);
        this.system = new EngineSystem(engine, containers, images, volumes, networks);
        this.swarm = new EngineSwarm(engine);
        this.stacks = new AllStacks(new EngineStacks(new StackEngine(engine, containers, images, volumes, networks),
                engine.environment()), new SwarmStacks(swarm));
    }

    @Override
    public EngineContainers containers() {
        return containers;
    }

    @Override
    public EngineImages images() {
        return images;
    }

    @Override
    public EngineVolumes volumes() {
        return volumes;
    }

    @Override
    public EngineNetworks networks() {
        return networks;
    }

    @Override
    public Stacks stacks() {
        return stacks;
    }

    @Override
    public EngineSwarm swarm() {
        return swarm;
    }

    @Override
    public EngineSystem system() {
        return system;
    }

    @Override
    public EngineVersion version() {
        return system.version();
    }

    @Override
    public EngineInfo info() {
        return system.info();
    }

    @Override
    public Ping ping() {
        return system.ping();
    }

    @Override
    public EngineEndpoint endpoint() {
        return engine.endpoint();
    }

    @Override
    public String sessionId() {
        return engine.sessionId();
    }

    @Override
    public long requestCount() {
        return engine.requestCount();
    }

    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "Docker[" + engine + "]";
    }
}
