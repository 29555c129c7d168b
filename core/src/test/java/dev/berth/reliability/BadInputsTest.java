package dev.berth.reliability;

import dev.berth.BerthLabels;
import dev.berth.ContainerFilter;
import dev.berth.Filter;
import dev.berth.InvalidSpecException;
import dev.berth.core.EngineTest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every row of the bad-input catalogue ({@link BadInputs}) is refused with its typed error, whose message names the
 * value and the rule and (for spec errors) the fix, before a single request reaches the engine, and leaves nothing
 * on the engine.
 */
class BadInputsTest extends EngineTest {
    static List<BadInputs.Case> cases() {
        return BadInputs.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithATypedErrorBeforeAnyEngineRequest(BadInputs.Case c) {
        long requests = docker.requestCount();
        Throwable e = assertThrows(Throwable.class, () -> c.action().accept(docker));
        assertInstanceOf(c.type(), e, () -> "wrong type for " + c.input() + ": " + e);
        String message = e.getMessage();
        for (String fragment : c.fragments()) {
            assertTrue(message.contains(fragment), () -> "'" + fragment + "' missing from: " + message);
        }
        if (e instanceof InvalidSpecException) {
            assertTrue(message.contains("Fix: "), () -> "no fix in: " + message);
        }
        assertEquals(requests, docker.requestCount(), "an engine request was made for " + c.input());
        assertNothingOfThisSessionOnTheEngine();
    }

    @Test
    void theCatalogueHasAtLeastSixtyDistinctInputs() {
        var all = BadInputs.all();
        assertEquals(all.size(), all.stream().map(BadInputs.Case::input).distinct().count(), "duplicate rows");
        assertTrue(all.size() + engineRows().size() >= 60, "catalogue: " + all.size());
    }

    static void assertNothingOfThisSessionOnTheEngine() {
        Filter mine = Filter.none().label(BerthLabels.SESSION, docker.sessionId());
        assertEquals(List.of(), docker.containers().list(ContainerFilter.all().label(BerthLabels.SESSION,
                docker.sessionId())), "containers left");
        assertEquals(List.of(), docker.volumes().list(mine), "volumes left");
        assertEquals(List.of(), docker.networks().list(mine), "networks left");
    }

    private static List<BadInputs.Before> engineRows() {
        var rows = new java.util.ArrayList<>(EngineBadInputsTest.TESTS_BEFORE);
        EngineBadInputsTest.handleCases().forEach(h -> rows.add(h.before()));
        return rows;
    }

    /** Totals for the notes: how the catalogue's inputs behaved before (printed, not asserted). */
    @AfterAll
    static void printTotals() {
        var all = new java.util.ArrayList<BadInputs.Before>();
        BadInputs.all().forEach(c -> all.add(c.before()));
        all.addAll(engineRows());
        Map<BadInputs.Before, Long> totals = all.stream()
                .collect(Collectors.groupingBy(b -> b, TreeMap::new, Collectors.counting()));
        System.out.println("Bad-input catalogue: " + all.size() + " inputs (" + BadInputs.all().size()
                + " local, " + engineRows().size() + " on the engine); before: " + totals);
    }
}
