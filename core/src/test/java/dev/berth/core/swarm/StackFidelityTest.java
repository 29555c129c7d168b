package dev.berth.core.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.berth.StackSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * For the same compose file, the service specs Berth creates equal those {@code docker stack deploy} creates, as
 * {@code docker service inspect} shows them, field by field. Normalized before comparing, because they are not the
 * file's but the deployment's: the stack name, network/secret/config ids (networks compared by name, secrets and
 * configs by name). The one deliberate difference: Berth's {@code dev.berth.managed} service label.
 */
class StackFidelityTest extends SwarmEngineTest {

    @ParameterizedTest
    @ValueSource(strings = {"seed", "four"})
    void berthCreatesTheServiceSpecsTheCliCreates(String fixture) throws Exception {
        Path cliDir = Files.createTempDirectory("berth-fidelity-cli");
        Path berthDir = Files.createTempDirectory("berth-fidelity-berth");
        String cliStack = unique("cli");
        String berthStack = unique("berth");
        try {
            Cli.run("stack", "deploy", "--detach=true", "-c", StackFixtures.copy(fixture, cliDir).toString(),
                    cliStack);
            docker.stacks().deploy(StackSpec.fromCompose(StackFixtures.copy(fixture, berthDir))
                    .projectName(berthStack));
            Map<String, String> networkNames = networkNamesById();
            TreeSet<String> cliServices = services(cliStack);
            assertEquals(cliServices, services(berthStack), "the same services");
            List<String> differences = new ArrayList<>();
            for (String service : cliServices) {
                JsonNode cli = normalize(StackFixtures.inspect(cliStack + "_" + service).get("Spec"), cliStack,
                        networkNames);
                JsonNode berth = normalize(StackFixtures.inspect(berthStack + "_" + service).get("Spec"),
                        berthStack, networkNames);
                compare(service, cli, berth, differences);
            }
            assertEquals(List.of(), differences, "spec fields that differ (path: cli vs berth)");
        } finally {
            StackFixtures.removeStack(docker, cliStack);
            StackFixtures.removeStack(docker, berthStack);
            deleteTree(cliDir);
            deleteTree(berthDir);
        }
    }

    private static TreeSet<String> services(String stack) {
        TreeSet<String> names = new TreeSet<>();
        for (String line : Cli.run("stack", "services", stack, "--format", "{{.Name}}").split("\n")) {
            names.add(line.substring(stack.length() + 1));
        }
        return names;
    }

    private static Map<String, String> networkNamesById() {
        Map<String, String> names = new HashMap<>();
        for (String line : Cli.run("network", "ls", "--no-trunc", "--format", "{{.ID}} {{.Name}}").split("\n")) {
            String[] parts = line.split(" ");
            names.put(parts[0], parts[1]);
            names.put(parts[0].substring(0, Math.min(25, parts[0].length())), parts[1]);
        }
        return names;
    }

    /** Stack name to STACK, network ids to names, secret/config ids dropped, Berth's own label dropped. */
    static JsonNode normalize(JsonNode spec, String stack, Map<String, String> networkNames) {
        ObjectNode copy = spec.deepCopy();
        ((ObjectNode) copy.path("Labels")).remove("dev.berth.managed");
        for (JsonNode network : copy.path("TaskTemplate").path("Networks")) {
            String target = network.path("Target").asText();
            ((ObjectNode) network).put("Target", networkNames.getOrDefault(target, target));
        }
        copy.path("TaskTemplate").path("ContainerSpec").path("Secrets").forEach(s -> ((ObjectNode) s)
                .remove("SecretID"));
        copy.path("TaskTemplate").path("ContainerSpec").path("Configs").forEach(c -> ((ObjectNode) c)
                .remove("ConfigID"));
        return rename(copy, stack);
    }

    private static JsonNode rename(JsonNode node, String stack) {
        if (node.isTextual()) {
            return new TextNode(node.asText().replace(stack, "STACK"));
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Iterator<Map.Entry<String, JsonNode>> it = object.deepCopy().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                object.set(e.getKey(), rename(e.getValue(), stack));
            }
        }
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, rename(array.get(i), stack));
            }
        }
        return node;
    }

    private static void compare(String path, JsonNode cli, JsonNode berth, List<String> differences) {
        if (cli.isObject() && berth.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            cli.fieldNames().forEachRemaining(keys::add);
            berth.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                compare(path + "." + key, cli.path(key), berth.path(key), differences);
            }
        } else if (cli.isArray() && berth.isArray() && cli.size() == berth.size()) {
            for (int i = 0; i < cli.size(); i++) {
                compare(path + "[" + i + "]", cli.get(i), berth.get(i), differences);
            }
        } else if (!cli.equals(berth)) {
            differences.add(path + ": " + cli + " vs " + berth);
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
