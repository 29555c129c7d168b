package dev.berth.core.internal.compose;

import dev.berth.core.internal.containers.CreateExtras;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@link ComposeModel.Extras} of one normalized service: {@code expose}, {@code volumes_from},
 * {@code links}, {@code logging}, {@code devices}, {@code dns_opt}, {@code mem_reservation} /
 * {@code deploy.resources.reservations.memory} and {@code healthcheck.start_interval}. What Compose itself cannot
 * run without Swarm or without a device driver fails here, naming the key.
 */
final class ServiceExtras {
    private ServiceExtras() {
    }

    static ComposeModel.Extras read(YNode.Map s, String path) {
        if (s.has("links") && s.has("network_mode")) {
            throw ModelReader.unsupported(s.keyMark("links"), path + ".links", "links with network_mode");
        }
        String logDriver = null;
        java.util.Map<String, String> logOptions = java.util.Map.of();
        if (s.get("logging") instanceof YNode.Map logging) {
            logDriver = ModelReader.text(logging, "driver");
            logOptions = ModelReader.strings(logging, "options");
        }
        return new ComposeModel.Extras(expose(ModelReader.list(s, "expose")), ModelReader.list(s, "volumes_from"),
                ModelReader.list(s, "links"), logDriver, logOptions, devices(s, path), ModelReader.list(s, "dns_opt"),
                memoryReservation(s, path), startInterval(s));
    }

    /**
     * {@code expose} as Compose sends it (the text as written, e.g. {@code "8080"}), except a range: Compose sends
     * {@code "9000-9001/udp"} as one key, which the engine keeps verbatim and which no port parser reads back
     * (docker-java cannot inspect such a container). Berth sends each port of a range, as {@code docker run --expose}
     * does.
     */
    static List<String> expose(List<String> written) {
        List<String> out = new ArrayList<>();
        for (String entry : written) {
            java.util.regex.Matcher range = java.util.regex.Pattern.compile("(\\d+)-(\\d+)(/\\w+)?").matcher(entry);
            if (range.matches()) {
                String protocol = range.group(3) == null ? "/tcp" : range.group(3);
                for (int p = Integer.parseInt(range.group(1)); p <= Integer.parseInt(range.group(2)); p++) {
                    out.add(p + protocol);
                }
            } else {
                out.add(entry);
            }
        }
        return out;
    }

    /** Host device paths only: a CDI name ({@code vendor.com/class=name}) needs a device driver Berth does not ask for. */
    private static List<CreateExtras.Device> devices(YNode.Map s, String path) {
        List<CreateExtras.Device> out = new ArrayList<>();
        if (s.get("devices") instanceof YNode.Seq devices) {
            for (int i = 0; i < devices.items().size(); i++) {
                YNode.Map d = (YNode.Map) devices.items().get(i);
                String source = ModelReader.text(d, "source");
                if (source == null || !source.startsWith("/")) {
                    throw ModelReader.unsupported(d.mark(), Canon.item(path + ".devices", i),
                            "a CDI device (" + source + ")");
                }
                String target = ModelReader.text(d, "target");
                String permissions = ModelReader.text(d, "permissions");
                out.add(new CreateExtras.Device(source, target == null ? source : target,
                        permissions == null ? "rwm" : permissions));
            }
        }
        return out;
    }

    /**
     * {@code mem_reservation}, overridden by {@code deploy.resources.reservations.memory} as Compose does; the
     * reserved {@code cpus} are a Swarm scheduling hint that Compose does not send to the engine either.
     */
    private static Long memoryReservation(YNode.Map s, String path) {
        String memory = ModelReader.text(s, "mem_reservation");
        if (s.get("deploy") instanceof YNode.Map d && d.get("resources") instanceof YNode.Map r
                && r.get("reservations") instanceof YNode.Map res) {
            String p = path + ".deploy.resources.reservations";
            for (String key : res.entries().keySet()) {
                if (!Set.of("cpus", "memory").contains(key)) {
                    throw ModelReader.unsupported(res.keyMark(key), p + "." + key, "deploy.resources.reservations."
                            + key + (key.equals("devices") ? " (GPU and other device requests)" : ""));
                }
            }
            String reserved = ModelReader.text(res, "memory");
            if (reserved != null && Long.parseLong(reserved) > 0) {
                memory = reserved;
            }
        }
        return memory == null ? null : Long.valueOf(memory);
    }

    private static Duration startInterval(YNode.Map s) {
        if (s.get("healthcheck") instanceof YNode.Map h && !ModelReader.bool(h, "disable")) {
            return ModelReader.duration(h, "start_interval", null);
        }
        return null;
    }

    /**
     * {@code healthcheck.start_interval} needs API 1.44 (Docker Engine 25). Against an older engine
     * {@code docker compose up} fails ("can't set healthcheck.start_interval as feature require Docker Engine v25 or
     * later"); Berth fails the same way, but before it creates anything.
     */
    static void requireStartIntervalSupport(LoadedProject project, String engineApi) {
        project.serviceNodes().entries().forEach((name, node) -> {
            if (node instanceof YNode.Map s && s.get("healthcheck") instanceof YNode.Map h
                    && h.has("start_interval") && !ModelReader.bool(h, "disable")) {
                throw ComposeErrors.at(h.keyMark("start_interval"), "services." + name + ".healthcheck.start_interval",
                        "healthcheck.start_interval needs Docker Engine 25 or later (API 1.44); this engine speaks API "
                                + engineApi + " (docker compose fails here too)",
                        "remove start_interval for this engine, or run the stack on Docker Engine 25 or later");
            }
        });
    }
}
