package dev.berth;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One row of {@code docker ps}: id, name, image, command, status and ports. {@code ports} holds the published
 * ports; a port the image only exposes has host port 0 and an empty host IP (docker ps shows it as {@code 80/tcp}).
 */
public record ContainerSummary(String id, String name, String image, String command, ContainerStatus status,
        String statusText, Instant created, List<PublishedPort> ports, Map<String, String> labels) {
    private static final int COMMAND_WIDTH = 20;

    public ContainerSummary {
        command = command == null ? "" : command;
        ports = List.copyOf(ports);
        labels = Map.copyOf(labels);
    }

    /** A row without command and ports (what older engines' list answers may lack). */
    public ContainerSummary(String id, String name, String image, ContainerStatus status, String statusText,
            Instant created, Map<String, String> labels) {
        this(id, name, image, "", status, statusText, created, List.of(), labels);
    }

    /** Like a {@code docker ps} row: {@code id name image "command" status ports}. */
    @Override
    public String toString() {
        return ContainerState.shortId(id) + " " + name + " " + image + " \"" + shortCommand() + "\" " + statusText
                + (ports.isEmpty() ? "" : " " + portsText());
    }

    /** The ports as {@code docker ps} prints them: {@code 127.0.0.1:8080->80/tcp, 443/tcp}. */
    public String portsText() {
        return ports.stream().map(p -> p.hostPort() == 0 ? p.containerPort() + "/" + p.protocol().wireName()
                : p.toString()).distinct().collect(Collectors.joining(", "));
    }

    /** docker ps cuts the command at 20 characters with an ellipsis; so does this. */
    private String shortCommand() {
        return command.length() <= COMMAND_WIDTH ? command : command.substring(0, COMMAND_WIDTH - 1) + "…";
    }
}
