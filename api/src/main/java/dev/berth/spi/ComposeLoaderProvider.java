package dev.berth.spi;

import dev.berth.ComposeProject;
import dev.berth.StackSpec;
import java.util.Map;

/** Implemented by berth-core: loads compose files for {@link StackSpec#load()} (found through ServiceLoader). */
public interface ComposeLoaderProvider {
    ComposeProject load(StackSpec spec, Map<String, String> processEnvironment);
}
