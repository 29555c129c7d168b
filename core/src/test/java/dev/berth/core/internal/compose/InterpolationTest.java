package dev.berth.core.internal.compose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterpolationTest {
    private final Map<String, String> env = new HashMap<>(Map.of("SET", "val", "EMPTY", ""));
    private final List<String> unset = new ArrayList<>();
    private final Interpolation interpolation = new Interpolation(env::get, unset::add);

    private String apply(String text) {
        return interpolation.apply(text);
    }

    @Test
    void plainAndBracedVariables() {
        assertEquals("val.val", apply("$SET.$SET"));
        assertEquals("val_val", apply("${SET}_${SET}"));
        assertEquals("prepost", apply("pre${UNSET}post"));
        assertEquals(List.of("UNSET"), unset, "an unset variable without default is reported (Compose warns)");
    }

    @Test
    void defaultsDistinguishUnsetFromEmpty() {
        assertEquals("val", apply("${SET:-d}"));
        assertEquals("d", apply("${EMPTY:-d}"));
        assertEquals("", apply("${EMPTY-d}"));
        assertEquals("d", apply("${UNSET-d}"));
        assertEquals("a b", apply("${UNSET:-a b}"));
        assertEquals("", apply("${UNSET:-}"));
    }

    @Test
    void alternativesOnlyWhenSet() {
        assertEquals("alt", apply("${SET:+alt}"));
        assertEquals("", apply("${EMPTY:+alt}"));
        assertEquals("alt", apply("${EMPTY+alt}"));
        assertEquals("", apply("${UNSET+alt}"));
    }

    @Test
    void defaultsNest() {
        assertEquals("valx", apply("${UNSET:-${SET}x}"));
        assertEquals("deep", apply("${UNSET:-${UNSET2:-deep}}"));
        assertEquals("val", apply("${UNSET-${SET}}"));
        assertEquals("val}", apply("${SET:-a}}"), "a brace after the expression is text");
    }

    @Test
    void requiredVariablesFailWithTheirMessage() {
        assertEquals("val", apply("${SET?x}"));
        assertEquals("", apply("${EMPTY?x}"), "'?' only needs the variable to be set");
        var missing = assertThrows(Interpolation.Failure.class, () -> apply("${UNSET:?need it}"));
        assertEquals("required variable UNSET is missing a value: need it", missing.getMessage());
        assertTrue(missing.missingRequired());
        assertThrows(Interpolation.Failure.class, () -> apply("${EMPTY:?x}"));
    }

    @Test
    void dollarsThatAreNotVariables() {
        assertEquals("$SET", apply("$$SET"));
        assertEquals("a$b", apply("a$$b"));
        assertEquals("echo $1", apply("echo $1"), "Compose leaves $ before a non-name as it is");
        assertEquals("cost $", apply("cost $"));
        var bad = assertThrows(Interpolation.Failure.class, () -> apply("echo ${"));
        assertFalse(bad.missingRequired());
        assertThrows(Interpolation.Failure.class, () -> apply("${A B}"));
        assertThrows(Interpolation.Failure.class, () -> apply("${1A}"));
    }
}
