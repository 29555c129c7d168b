package dev.berth;

/** A spec value breaks a rule. Thrown before anything is sent to the engine, or when the engine rejects a value. */
public class InvalidSpecException extends DockerException {
    private final String rule;
    private final String value;

    public InvalidSpecException(String what, Object value, String rule, String fix) {
        this(what, value, rule, fix, null);
    }

    public InvalidSpecException(String what, Object value, String rule, String fix, Throwable cause) {
        super("Invalid " + what + " '" + value + "': " + rule + (fix == null ? "" : ". Fix: " + fix), cause);
        this.rule = rule;
        this.value = String.valueOf(value);
    }

    /** The rule the value breaks, in words. */
    public String rule() {
        return rule;
    }

    /** The offending value as given. */
    public String value() {
        return value;
    }
}
