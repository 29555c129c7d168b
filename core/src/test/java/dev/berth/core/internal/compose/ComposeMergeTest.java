package dev.berth.core.internal.compose;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Merge rules on the long form (what a later -f file does to an earlier one). */
class ComposeMergeTest {
    private static final Path FILE = Path.of("/p/compose.yaml");

    private static YNode.Map longForm(String yaml) {
        YNode.Map raw = YamlReader.parse(FILE, yaml);
        YNode.Map services = YNode.map(raw.mark());
        ServiceKeys keys = new ServiceKeys(new Canon(Path.of("/p"), name -> null));
        ((YNode.Map) raw.get("services")).entries().forEach((name, s) -> services.put(name,
                keys.service(s, "services." + name)));
        return YNode.map(raw.mark()).put("services", services);
    }

    private static YNode.Map web(YNode.Map merged) {
        return (YNode.Map) ((YNode.Map) merged.get("services")).get("web");
    }

    private static String json(YNode node) {
        return JsonWriter.write(node, 0).replaceAll("\\s+", "");
    }

    @Test
    void scalarsAreReplacedAndMapsMerged() {
        YNode.Map merged = ComposeMerge.merge(
                longForm("services:\n  web:\n    image: a\n    environment: {A: '1', B: '2'}\n    labels: [x=1]\n"),
                longForm("services:\n  web:\n    image: b\n    environment: [B=3, C=4]\n"));
        assertEquals("\"b\"", json(web(merged).get("image")));
        assertEquals("{\"A\":\"1\",\"B\":\"3\",\"C\":\"4\"}", json(web(merged).get("environment")));
        assertEquals("{\"x\":\"1\"}", json(web(merged).get("labels")));
    }

    @Test
    void commandIsReplacedListsAppendWhatIsNew() {
        YNode.Map merged = ComposeMerge.merge(
                longForm("services:\n  web:\n    command: [a, b]\n    dns: [1.1.1.1]\n"),
                longForm("services:\n  web:\n    command: c d\n    dns: [1.1.1.1, 8.8.8.8]\n"));
        assertEquals("[\"c\",\"d\"]", json(web(merged).get("command")));
        assertEquals("[\"1.1.1.1\",\"8.8.8.8\"]", json(web(merged).get("dns")));
    }

    @Test
    void portsAndVolumesMergeByIdentity() {
        YNode.Map merged = ComposeMerge.merge(
                longForm("services:\n  web:\n    ports: ['8080:80', '9000:9000']\n"
                        + "    volumes: [data:/data, ./a:/conf]\n"),
                longForm("services:\n  web:\n    ports: ['8080:80', '8443:443']\n    volumes: [./b:/conf]\n"));
        YNode.Seq ports = (YNode.Seq) web(merged).get("ports");
        assertEquals(3, ports.items().size(), json(ports));
        YNode.Seq volumes = (YNode.Seq) web(merged).get("volumes");
        assertEquals(2, volumes.items().size());
        assertEquals("\"/p/b\"", json(((YNode.Map) volumes.items().get(1)).get("source")), "the later mount wins");
    }

    @Test
    void resetAndOverrideTags() {
        YNode.Map merged = ComposeMerge.merge(
                longForm("services:\n  web:\n    image: a\n    ports: ['80']\n    environment: {A: '1'}\n"),
                longForm("services:\n  web:\n    ports: !reset []\n    environment: !override {B: '2'}\n"));
        assertFalse(web(merged).has("ports"));
        assertEquals("{\"B\":\"2\"}", json(web(merged).get("environment")));
    }

    @Test
    void theInputsAreNotChanged() {
        YNode.Map base = longForm("services:\n  web:\n    environment: {A: '1'}\n");
        ComposeMerge.merge(base, longForm("services:\n  web:\n    environment: {B: '2'}\n"));
        assertEquals(List.of("A"), List.copyOf(((YNode.Map) web(base).get("environment")).entries().keySet()));
    }
}
