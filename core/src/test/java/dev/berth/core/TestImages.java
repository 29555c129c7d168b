package dev.berth.core;

/** Every image the tests use, pinned in one place. */
public final class TestImages {
    public static final String BUSYBOX = "busybox:1.36";
    public static final String NGINX = "nginx:1.22";
    public static final String PYTHON = "python:3.11-slim";
    public static final String DEBIAN = "debian:bookworm-slim";

    private TestImages() {
    }
}
