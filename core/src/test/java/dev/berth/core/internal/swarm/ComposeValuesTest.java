package dev.berth.core.internal.swarm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.berth.InvalidSpecException;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A string command reaches a swarm task split as the compose loader splits it (the same ShellWords). */
class ComposeValuesTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void aStringCommandIsSplitAsComposeSplitsIt() {
        assertEquals(List.of("sh", "-c", "echo \"a b\" c\\ d"),
                ComposeValues.words(JSON.textNode("sh -c 'echo \"a b\" c\\ d'"), "services.web.command"));
        assertEquals(List.of("a b", "x"), ComposeValues.words(JSON.arrayNode().add("a b").add("x"),
                "services.web.command"));
    }

    @Test
    void anUnclosedQuoteNamesTheKeyAndTheFix() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> ComposeValues.words(
                JSON.textNode("echo 'oops"), "services.web.command"));
        assertTrue(e.getMessage().contains("services.web.command"), e.getMessage());
        assertTrue(e.getMessage().contains("never closed"), e.getMessage());
        assertTrue(e.getMessage().contains("Fix: close the quote"), e.getMessage());
    }
}
