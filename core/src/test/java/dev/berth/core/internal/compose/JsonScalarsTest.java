package dev.berth.core.internal.compose;

import dev.berth.core.internal.compose.JsonScalars.Escaping;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one scalar writer behind {@code config --format json} and the config-hash input. */
class JsonScalarsTest {
    private static String write(Object value, Escaping escaping) {
        StringBuilder out = new StringBuilder();
        JsonScalars.write(value, escaping, out);
        return out.toString();
    }

    @Test
    void numbersBooleansAndNullAreTheSameInBothOutputs() {
        for (Escaping escaping : Escaping.values()) {
            assertEquals("null", write(null, escaping));
            assertEquals("true", write(true, escaping));
            assertEquals("-12", write(-12L, escaping));
            assertEquals("0.5", write(0.5, escaping));
            assertEquals("1000000", write(1e6, escaping));
            assertEquals("0.0000001", write(1e-7, escaping));
            assertEquals("\"12\"", write("12", escaping));
        }
    }

    @Test
    void onlyTheStringEscapesDiffer() {
        String text = "a\"b\\c\nd\te\u0001<&>$";
        assertEquals("\"a\\\"b\\\\c\\nd\\te\\u0001\\u003c\\u0026\\u003e$\"", write(text, Escaping.GO_HTML_SAFE));
        assertEquals("\"a\\\"b\\\\c\\nd\\te\\u0001<&>$$\"", write(text, Escaping.COMPOSE_CONFIG));
        assertEquals("\"\\u2028\"", write("\u2028", Escaping.GO_HTML_SAFE));
    }
}
