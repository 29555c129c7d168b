package dev.berth.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that uses Docker. Every {@link ManagedContainer} and {@link ManagedStack} field is started for you:
 * instance fields before each test, static fields once for the class, {@code shared()} ones once for the whole run;
 * all are removed afterwards, even when a test fails (reused ones stay for the next run). When a test fails, each of
 * its containers is reported: name, image, state, exit code and the last log lines. Test methods, lifecycle methods
 * and constructors may take a {@link dev.berth.Docker}, {@link ManagedContainer}, {@link dev.berth.Container},
 * {@link ManagedStack} or {@link dev.berth.Stack} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(BerthExtension.class)
public @interface DockerTest {
    /**
     * Log lines per container in a failure report; -1 (the default) means the configuration parameter
     * {@code berth.junit.logLines}, else 50.
     */
    int logLines() default -1;

    /**
     * Also write each involved container's full log to {@code target/berth-logs/<class>/<test>/<container>.log}
     * when a test fails (or set {@code berth.junit.saveLogs=true}; {@code berth.junit.logDir} moves the folder).
     */
    boolean saveLogs() default false;
}
