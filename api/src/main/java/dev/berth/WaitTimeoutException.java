package dev.berth;

import java.util.List;

/** The container kept running but did not meet its wait condition in time. */
public class WaitTimeoutException extends ContainerStartupException {
    /**
     * @param message which wait, how long, and what was last seen
     * @param lastLogLines the container's last log lines
     */
    public WaitTimeoutException(String message, List<String> lastLogLines) {
        super(message, null, false, lastLogLines);
    }
}
