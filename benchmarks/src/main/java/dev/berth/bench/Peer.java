package dev.berth.bench;

/** One contender in a benchmark: does the whole measured operation once per call. */
interface Peer extends AutoCloseable {
    String name();

    void runOnce() throws Exception;

    @Override
    default void close() throws Exception {
    }

    /** The measured operation, which may throw. */
    interface Operation {
        void run() throws Exception;
    }

    static Peer of(String name, Operation operation) {
        return new Peer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void runOnce() throws Exception {
                operation.run();
            }
        };
    }
}
