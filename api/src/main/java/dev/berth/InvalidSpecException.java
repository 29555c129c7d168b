package dev.berth;

/** A spec value breaks a rule. Thrown before anything is sent to the engine, or when the engine rejects a value. */
public class InvalidSpecException extends DockerException {
    private final String rule;
    private final String value;

    /**
     * @param what what the value is for, e.g. "memory limit"
     * @param value the offending value
     * @param rule the rule it breaks
     * @param fix how to fix it, or null
     */
    public InvalidSpecException(String what, Object value, String rule, String fix) {
        this(what, value, rule, fix, null);
    }

    /**
     * @param what what the value is for, e.g. "memory limit"
     * @param value the offending value
     * @param rule the rule it breaks
     * @param fix how to fix it, or null
     * @param cause the engine's error when the engine rejected it, or null
     */
    public InvalidSpecException(String what, Object value, String rule, String fix, Throwable cause) {
        super("Invalid " + what + " '" + value + "': " + rule + (fix == null ? "" : ". Fix: " + fix), cause);
        this.rule = rule;
        this.value = String.valueOf(value);
    }

    /**
     * The rule the value breaks, in words.
     *
     * @return the rule
     */
    public String rule() {
        return rule;
    }

    /**
     * The offending value as given.
     *
     * @return its text
     */
    public String value() {
        return value;
    }
}
