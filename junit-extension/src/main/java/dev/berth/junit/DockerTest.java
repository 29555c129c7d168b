package dev.berth.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that uses Docker. Every {@link ManagedContainer} field is started for you: static fields once for
 * the class (side by side), instance fields before each test; all are removed afterwards, even when a test fails.
 * Test methods and constructors may take a {@link dev.berth.Docker} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(BerthExtension.class)
public @interface DockerTest {
}
