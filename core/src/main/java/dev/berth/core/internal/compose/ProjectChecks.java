package dev.berth.core.internal.compose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Rules that span keys or services, checked as Compose checks them once the project is assembled. */
final class ProjectChecks {
    private final YNode.Map services;

    ProjectChecks(YNode.Map services) {
        this.services = services;
    }

    void check() {
        for (var e : services.entries().entrySet()) {
            String name = e.getKey();
            YNode.Map s = (YNode.Map) e.getValue();
            String path = "services." + name;
            dependencies(name, s, path);
            conflict(s, path, "cpus", "limits", "cpus");
            conflict(s, path, "mem_limit", "limits", "memory");
            conflict(s, path, "pids_limit", "limits", "pids");
            conflict(s, path, "mem_reservation", "reservations", "memory");
            replicas(s, path);
            platform(s, path);
        }
        Map<String, Integer> state = new HashMap<>();
        for (String name : services.entries().keySet()) {
            List<String> trail = new ArrayList<>();
            if (cycle(name, state, trail)) {
                throw ComposeErrors.at(services.keyMark(trail.get(0)), "services." + trail.get(0) + ".depends_on",
                        "dependency cycle detected: " + String.join(" -> ", trail), "remove one of the dependencies");
            }
        }
    }

    private void dependencies(String name, YNode.Map s, String path) {
        if (!(s.get("depends_on") instanceof YNode.Map deps)) {
            return;
        }
        for (var d : new ArrayList<>(deps.entries().entrySet())) {
            if (services.has(d.getKey())) {
                continue;
            }
            YNode.Map options = (YNode.Map) d.getValue();
            boolean required = !(options.get("required") instanceof YNode.Scalar r && Boolean.FALSE.equals(r.value()));
            if (required) {
                throw ComposeErrors.at(deps.keyMark(d.getKey()), path + ".depends_on." + d.getKey(), "service \""
                        + name + "\" depends on undefined service \"" + d.getKey() + "\"",
                        "define that service, enable its profile, or fix the name");
            }
        }
    }

    /** A service key and its {@code deploy.resources.SECTION.NAME} twin must agree, as Compose checks. */
    private static void conflict(YNode.Map s, String path, String key, String section, String limit) {
        YNode own = s.get(key);
        YNode deployed = s.get("deploy") instanceof YNode.Map d && d.get("resources") instanceof YNode.Map r
                && r.get(section) instanceof YNode.Map l ? l.get(limit) : null;
        if (own instanceof YNode.Scalar a && deployed instanceof YNode.Scalar b
                && !Objects.equals(number(a), number(b))) {
            throw ComposeErrors.at(own, path + "." + key, "can't set distinct values on '" + key
                    + "' and 'deploy.resources." + section + "." + limit + "'", "keep one of them");
        }
    }

    private static Double number(YNode.Scalar s) {
        try {
            return Double.valueOf(s.text());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void replicas(YNode.Map s, String path) {
        long replicas = s.get("deploy") instanceof YNode.Map d && d.get("replicas") instanceof YNode.Scalar r
                ? (Long) r.value() : s.get("scale") instanceof YNode.Scalar sc ? (Long) sc.value() : 1;
        if (replicas > 1 && s.has("container_name")) {
            throw ComposeErrors.at(s.get("container_name"), path + ".container_name", "container_name '"
                    + Canon.text(s.get("container_name")) + "' cannot be used with " + replicas + " replicas, as a"
                    + " container name must be unique", "remove container_name or use one replica");
        }
    }

    private static void platform(YNode.Map s, String path) {
        if (s.get("platform") instanceof YNode.Scalar platform && s.get("build") instanceof YNode.Map build
                && build.get("platforms") instanceof YNode.Seq platforms && !platforms.items().isEmpty()
                && platforms.items().stream().noneMatch(p -> Canon.text(p).equals(platform.text()))) {
            throw ComposeErrors.at(platform, path + ".platform", "service.build.platforms MUST include"
                    + " service.platform \"" + platform.text() + "\"", "add it to build.platforms or change platform");
        }
    }

    private boolean cycle(String name, Map<String, Integer> state, List<String> trail) {
        Integer seen = state.get(name);
        if (seen != null && seen == 2) {
            return false;
        }
        if (seen != null) {
            trail.add(name);
            int start = trail.indexOf(name);
            trail.subList(0, start).clear();
            return true;
        }
        state.put(name, 1);
        trail.add(name);
        if (services.get(name) instanceof YNode.Map s && s.get("depends_on") instanceof YNode.Map deps) {
            for (String dep : deps.entries().keySet()) {
                if (services.has(dep) && cycle(dep, state, trail)) {
                    return true;
                }
            }
        }
        trail.remove(trail.size() - 1);
        state.put(name, 2);
        return false;
    }
}
