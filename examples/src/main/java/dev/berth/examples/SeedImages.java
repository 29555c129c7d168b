package dev.berth.examples;

/** The images the walkthrough uses, as the seed names them (Docker Hub names; pin tags here). */
public final class SeedImages {
    public static final String NGINX = "nginx";
    public static final String DEBIAN = "debian";
    public static final String MYSQL = "mysql";
    public static final String POSTGRES = "postgres";
    public static final String BUSYBOX = "busybox";
    public static final String REDIS = "redis";
    public static final String PYTHON = "python:3.11-slim";

    private SeedImages() {
    }
}
