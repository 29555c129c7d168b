package dev.berth.core.internal.text;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Expected values are what {@code docker compose config} prints for the same command strings. */
class ShellWordsTest {
    @Test
    void splitsOnWhitespaceNeverThroughAShell() {
        assertEquals(List.of("mysqld", "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci"),
                ShellWords.split("mysqld  --character-set-server=utf8mb4\t--collation-server=utf8mb4_unicode_ci"));
        assertEquals(List.of("echo", "$HOME", "a;b", "&&", "c"), ShellWords.split("echo $HOME a;b && c"));
    }

    @Test
    void quotesAndEscapes() {
        assertEquals(List.of("sh", "-c", "echo \"a b\" c\\ d"), ShellWords.split("sh -c 'echo \"a b\" c\\ d'"));
        assertEquals(List.of("sh", "-c", "sleep 0.1 && echo world && /bin/false"),
                ShellWords.split("sh -c \"sleep 0.1 && echo world && /bin/false\""));
        assertEquals(List.of("a b", "c\"d", "e\\f"), ShellWords.split("a\\ b \"c\\\"d\" 'e\\f'"));
        assertEquals(List.of("ab", ""), ShellWords.split("a'b' ''"));
        assertEquals(List.of(), ShellWords.split("   "));
    }

    @Test
    void unclosedQuotesFail() {
        assertThrows(ShellWords.Failure.class, () -> ShellWords.split("echo 'oops"));
        assertThrows(ShellWords.Failure.class, () -> ShellWords.split("echo \"oops"));
        assertThrows(ShellWords.Failure.class, () -> ShellWords.split("echo \\"));
    }
}
