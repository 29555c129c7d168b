package dev.berth;

/**
 * More output than Berth keeps in memory for a call that returns it whole (e.g. {@link Container#exec(ExecSpec)}
 * keeps at most {@link #EXEC_LIMIT_BYTES} per stream). The message names the streaming alternative.
 */
public class OutputTooLargeException extends DockerException {
    /** What {@code exec} keeps in memory per stream (stdout, stderr): 16 MiB. */
    public static final int EXEC_LIMIT_BYTES = 16 * 1024 * 1024;

    public OutputTooLargeException(String message) {
        super(message);
    }
}
