package dev.berth.core.internal.builder;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cases from Docker's .dockerignore documentation, and the edge rules. */
class DockerIgnoreTest {
    @Test
    void documentedExamples() {
        DockerIgnore ignore = DockerIgnore.parse("# comment\n*/temp*\n*/*/temp*\ntemp?\n");
        assertTrue(ignore.excludes("somedir/temporary.txt"));
        assertTrue(ignore.excludes("somedir/temp"));
        assertTrue(ignore.excludes("somedir/subdir/temporary.txt"));
        assertTrue(ignore.excludes("tempa"));
        assertFalse(ignore.excludes("temp"), "? needs one character");
        assertFalse(ignore.excludes("tempab"));
        assertFalse(ignore.excludes("temporary.txt"), "*/temp* needs a directory level");
        assertFalse(ignore.excludes("# comment"));
    }

    @Test
    void doubleStarSpansDirectories() {
        DockerIgnore ignore = DockerIgnore.parse("**/*.go\n");
        assertTrue(ignore.excludes("main.go"));
        assertTrue(ignore.excludes("a/b/c/x.go"));
        assertFalse(ignore.excludes("a/b/c/x.gox"));
        assertTrue(DockerIgnore.parse("**\n").excludes("anything/at/all"));
        assertTrue(DockerIgnore.parse("a/**/z\n").excludes("a/z"));
        assertTrue(DockerIgnore.parse("a/**/z\n").excludes("a/b/c/z"));
    }

    @Test
    void exceptionsAndLastMatchWins() {
        DockerIgnore ignore = DockerIgnore.parse("*.md\n!README*.md\nREADME-secret.md\n");
        assertTrue(ignore.excludes("CHANGES.md"));
        assertFalse(ignore.excludes("README.md"));
        assertFalse(ignore.excludes("README-public.md"));
        assertTrue(ignore.excludes("README-secret.md"));

        DockerIgnore reordered = DockerIgnore.parse("*.md\nREADME-secret.md\n!README*.md\n");
        assertFalse(reordered.excludes("README-secret.md"), "the exception comes last and wins");
    }

    @Test
    void slashesDotsAndDirectories() {
        DockerIgnore ignore = DockerIgnore.parse("/build/\n./logs\n  spaced.txt  \nnode_modules\n");
        assertTrue(ignore.excludes("build"));
        assertTrue(ignore.excludes("build/out/app.jar"), "a matched directory excludes its content");
        assertTrue(ignore.excludes("logs/today.log"));
        assertTrue(ignore.excludes("spaced.txt"));
        assertTrue(ignore.excludes("node_modules/a/b.js"));
        assertFalse(ignore.excludes("src/node_modules_x"));
        assertFalse(ignore.excludes("src/build"), "patterns are anchored at the context root");
    }

    @Test
    void charClassesAndEscapes() {
        DockerIgnore ignore = DockerIgnore.parse("file[0-9].txt\nx[^a]y\nliteral\\*star\n");
        assertTrue(ignore.excludes("file7.txt"));
        assertFalse(ignore.excludes("filex.txt"));
        assertTrue(ignore.excludes("xby"));
        assertTrue(ignore.excludes("x!y"));
        assertFalse(ignore.excludes("xay"));
        assertTrue(ignore.excludes("literal*star"));
        assertFalse(ignore.excludes("literalXstar"));
    }

    /**
     * Only '^' negates a class (Go's filepath.Match); '!' is an ordinary member. Checked with docker build on 28.5
     * (classic and BuildKit) and 20.10: files xay xby x!y pay pby p!y with "x[^a]y" and "p[!a]y" leave pby and xay.
     */
    @Test
    void exclamationMarkInAClassIsACharacterNotANegation() {
        DockerIgnore ignore = DockerIgnore.parse("p[!a]y\n");
        assertTrue(ignore.excludes("pay"));
        assertTrue(ignore.excludes("p!y"));
        assertFalse(ignore.excludes("pby"));
    }

    @Test
    void directoriesAreSkippedOnlyWhenNoExceptionCouldReachInside() {
        assertTrue(DockerIgnore.parse("node_modules\n").canSkipDirectory("node_modules"));
        DockerIgnore keep = DockerIgnore.parse("logs\n!logs/keep.log\n");
        assertFalse(keep.canSkipDirectory("logs"));
        assertTrue(keep.excludes("logs/other.log"));
        assertFalse(keep.excludes("logs/keep.log"));
        assertTrue(DockerIgnore.parse("logs\n!src/keep\n").canSkipDirectory("logs"));
        assertFalse(DockerIgnore.parse("logs\n!**/keep\n").canSkipDirectory("logs"));
        assertFalse(DockerIgnore.parse("*.md\n").canSkipDirectory("docs"), "not excluded: walk it");
    }
}
