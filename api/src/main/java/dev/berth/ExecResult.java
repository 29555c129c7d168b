package dev.berth;

/** What an exec returned. */
public record ExecResult(int exitCode, String stdout, String stderr) {
    /**
     * Whether the command exited 0 (what a shell's {@code &&} checks after {@code docker exec}).
     *
     * @return true for exit code 0
     */
    public boolean succeeded() {
        return exitCode == 0;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + (stdout.isEmpty() ? "" : "\nstdout: " + stdout.strip())
                + (stderr.isEmpty() ? "" : "\nstderr: " + stderr.strip());
    }
}
