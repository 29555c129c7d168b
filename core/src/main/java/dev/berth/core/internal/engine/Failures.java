package dev.berth.core.internal.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What an engine failure means for one call, by HTTP status: "404 here means the image is missing", "409 here means
 * the name is taken". Statuses without a meaning get {@link EngineErrors#generic}. Immutable; built per call site.
 */
public final class Failures {
    private static final Failures NONE = new Failures(Map.of(), null);
    private final Map<Integer, Function<Failure, RuntimeException>> meanings;
    private final Function<Failure, RuntimeException> anyOtherAnswer;

    private Failures(Map<Integer, Function<Failure, RuntimeException>> meanings,
            Function<Failure, RuntimeException> anyOtherAnswer) {
        this.meanings = meanings;
        this.anyOtherAnswer = anyOtherAnswer;
    }

    /** One failed engine call: its status (304 for "not modified"), the engine's message and the original error. */
    public record Failure(int status, String message, RuntimeException cause) {
        /** "Nothing special after all": the call's failure gets the generic translation. */
        public RuntimeException unexplained() {
            return cause;
        }
    }

    public static Failures none() {
        return NONE;
    }

    /** A status meaning: the function returns the exception to throw, or null when the failure is fine after all. */
    public static Failures on(int status, Function<Failure, RuntimeException> meaning) {
        return NONE.and(status, meaning);
    }

    public Failures and(int status, Function<Failure, RuntimeException> meaning) {
        Map<Integer, Function<Failure, RuntimeException>> copy = new HashMap<>(meanings);
        copy.put(status, meaning);
        return new Failures(Map.copyOf(copy), anyOtherAnswer);
    }

    /** The meaning of any other error answer from the engine (not of a failure to get an answer at all). */
    public Failures andAnyOtherAnswer(Function<Failure, RuntimeException> meaning) {
        return new Failures(meanings, meaning);
    }

    /** The same meaning for several statuses (e.g. a network in use: 409, 403 or 500 depending on the engine). */
    public Failures and(Function<Failure, RuntimeException> meaning, int... statuses) {
        Failures result = this;
        for (int status : statuses) {
            result = result.and(status, meaning);
        }
        return result;
    }

    /** "Already in the wanted state" (304): not a failure. */
    public Failures notModifiedIsFine() {
        return and(304, failure -> null);
    }

    Function<Failure, RuntimeException> meaning(int status) {
        Function<Failure, RuntimeException> meaning = meanings.get(status);
        return meaning == null && status > 0 ? anyOtherAnswer : meaning;
    }
}
