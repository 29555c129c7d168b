package dev.berth.core;

import dev.berth.ComposeProject;
import dev.berth.StackSpec;
import dev.berth.core.internal.compose.ComposeLoader;
import dev.berth.spi.ComposeLoaderProvider;
import java.util.Map;

/** {@link StackSpec#load()}'s implementation, found through {@link java.util.ServiceLoader}. */
public final class BerthComposeLoader implements ComposeLoaderProvider {
    @Override
    public ComposeProject load(StackSpec spec, Map<String, String> processEnvironment) {
        return ComposeLoader.load(new ComposeLoader.Request(spec.files(), spec.projectName(), processEnvironment,
                spec.env(), spec.envFiles(), spec.profiles()));
    }
}
