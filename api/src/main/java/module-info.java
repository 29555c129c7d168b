/** Berth's public types: interfaces, immutable specs and exceptions; the engine is found through the SPI. */
module dev.berth {
    exports dev.berth;
    exports dev.berth.spi;

    uses dev.berth.spi.DockerProvider;
    uses dev.berth.spi.ComposeLoaderProvider;
}
