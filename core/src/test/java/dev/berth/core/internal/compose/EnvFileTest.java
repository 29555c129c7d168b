package dev.berth.core.internal.compose;

import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EnvFileTest {
    private static Map<String, String> parse(String text) {
        return EnvFile.parse(text, Map.of("OUTER", "outer", "TAG", "1.36")::get);
    }

    @Test
    void linesCommentsAndExport() {
        Map<String, String> values = parse("# comment\n\nA=1\nexport B=two\n  C = spaced value  \nD=val # trailing\n"
                + "E=a#b\nF=\n");
        assertEquals(Map.of("A", "1", "B", "two", "C", "spaced value", "D", "val", "E", "a#b", "F", ""), values);
    }

    @Test
    void quotes() {
        Map<String, String> values = parse("S='no $TAG # here'\nD=\"a \\\"quoted\\\" ${TAG}\\nnext\"\n"
                + "M=\"line1\nline2\"\nAFTER=x\n");
        assertEquals("no $TAG # here", values.get("S"));
        assertEquals("a \"quoted\" 1.36\nnext", values.get("D"));
        assertEquals("line1\nline2", values.get("M"));
        assertEquals("x", values.get("AFTER"), "the line after a multi-line value is read");
    }

    @Test
    void interpolationSeesEarlierLinesAndTheEnvironment() {
        Map<String, String> values = parse("A=first\nB=${A}-${TAG}\nC=${MISSING:-fallback}\n");
        assertEquals("first-1.36", values.get("B"));
        assertEquals("fallback", values.get("C"));
    }

    @Test
    void aBareNameTakesTheEnvironmentsValueOrIsLeftOut() {
        Map<String, String> values = parse("OUTER\nNOT_SET\n");
        assertEquals("outer", values.get("OUTER"));
        assertFalse(values.containsKey("NOT_SET"));
    }

    @Test
    void brokenLinesNameTheirLine() {
        var e = assertThrows(EnvFile.Failure.class, () -> parse("A=1\nB=\"never closed\n"));
        assertEquals(2, e.line());
        assertEquals(2, assertThrows(EnvFile.Failure.class, () -> parse("A=1\n=nothing\n")).line());
    }
}
