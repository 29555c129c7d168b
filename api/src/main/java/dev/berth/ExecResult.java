package dev.berth;

/** What an exec returned. */
public record ExecResult(int exitCode, String stdout, String stderr) {
    public boolean succeeded() {
        return exitCode == 0;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + (stdout.isEmpty() ? "" : "\nstdout: " + stdout.strip())
                + (stderr.isEmpty() ? "" : "\nstderr: " + stderr.strip());
    }
}
