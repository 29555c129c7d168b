package dev.berth.spi;

import dev.berth.ComposeProject;
import dev.berth.StackSpec;
import java.util.Map;

/** Implemented by berth-core: loads compose files for {@link StackSpec#load()} (found through ServiceLoader). */
public interface ComposeLoaderProvider {
    /**
     * Loads the spec's files.
     *
     * @param spec the files, name, variables and profiles
     * @param processEnvironment the environment variables interpolate from
     * @return the loaded project
     * @throws dev.berth.InvalidComposeFileException when a file is invalid
     */
    ComposeProject load(StackSpec spec, Map<String, String> processEnvironment);
}
