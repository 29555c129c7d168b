package dev.berth.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Picks which field a {@link dev.berth.Container}, {@link ManagedContainer}, {@link dev.berth.Stack} or
 * {@link ManagedStack} parameter comes from, when the test sees more than one of that kind:
 * {@code void query(@FromField("DB") Container db)}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FromField {
    /** The field's name. */
    String value();
}
