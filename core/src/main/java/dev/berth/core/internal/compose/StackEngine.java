package dev.berth.core.internal.compose;

import dev.berth.core.internal.containers.EngineContainers;
import dev.berth.core.internal.engine.Engine;
import dev.berth.core.internal.images.EngineImages;
import dev.berth.core.internal.objects.EngineNetworks;
import dev.berth.core.internal.objects.EngineVolumes;
import java.util.concurrent.ExecutorService;

/** What a stack is made of: the collections it creates its objects through, and the engine's threads. */
public record StackEngine(Engine engine, EngineContainers containers, EngineImages images, EngineVolumes volumes,
        EngineNetworks networks) {
    ExecutorService background() {
        return engine.background();
    }
}
