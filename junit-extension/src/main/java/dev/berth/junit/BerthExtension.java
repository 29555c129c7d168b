package dev.berth.junit;

import dev.berth.Container;
import dev.berth.Docker;
import dev.berth.Stack;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Starts the {@link ManagedContainer} and {@link ManagedStack} fields of a {@link DockerTest} class and removes them
 * again; reports the containers of a failed test; injects Docker, containers and stacks into parameters.
 *
 * <p>Every start is recorded in a {@link Scope} in the {@link ExtensionContext.Store} of the context it belongs
 * to, so JUnit closes it whatever happens: instance fields with the test, static fields with the class, shared and
 * reused ones and the connection with the run (the root context). Independent fields start side by side.
 */
public final class BerthExtension implements BeforeAllCallback, BeforeEachCallback, AfterTestExecutionCallback,
        ParameterResolver {
    /** Label on every container this extension starts (reused ones excepted): the test class that asked for it. */
    public static final String TEST_LABEL = "dev.berth.junit.test";
    /** On containers of instance fields: the test method they were started for. */
    public static final String TEST_METHOD_LABEL = "dev.berth.junit.method";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BerthExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        startAll(context, fields(testClass, null, true), new Managed.Origin(testClass.getName(), null));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        List<FieldValue> found = new ArrayList<>();
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            found.addAll(fields(instance.getClass(), instance, false));
        }
        startAll(context, found, new Managed.Origin(context.getRequiredTestClass().getName(),
                context.getRequiredTestMethod().getName()));
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        Settings settings = settings(context);
        Class<?> testClass = context.getRequiredTestClass();
        FailureReport.publish(context, involved(context), settings.logLinesFor(testClass),
                settings.saveLogsFor(testClass), settings.logDir(), System.err);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Docker.class || type == ManagedContainer.class || type == Container.class
                || type == ManagedStack.class || type == Stack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == Docker.class) {
            return docker(context);
        }
        boolean stack = type == ManagedStack.class || type == Stack.class;
        FieldValue field = pick(parameter, context, stack ? ManagedStack.class : ManagedContainer.class);
        if (type == Container.class) {
            return ((ManagedContainer) field.managed()).container();
        }
        if (type == Stack.class) {
            return ((ManagedStack) field.managed()).stack();
        }
        return field.managed();
    }

    /** The one field of the kind this test sees, or the one named by {@link FromField}. */
    private static FieldValue pick(ParameterContext parameter, ExtensionContext context, Class<?> kind) {
        List<FieldValue> fields = visibleFields(context).stream().filter(f -> kind.isInstance(f.managed())).toList();
        Optional<FromField> named = parameter.findAnnotation(FromField.class);
        if (named.isPresent()) {
            return fields.stream().filter(f -> f.field().getName().equals(named.get().value())).findFirst()
                    .orElseThrow(() -> new ParameterResolutionException("No " + kind.getSimpleName() + " field named '"
                            + named.get().value() + "' is visible here; fields: " + names(fields)));
        }
        // two fields holding one value (a class pointing at a holder's shared field) are one candidate
        List<FieldValue> candidates = new ArrayList<>();
        for (FieldValue field : fields) {
            if (candidates.stream().noneMatch(c -> c.managed() == field.managed())) {
                candidates.add(field);
            }
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        throw new ParameterResolutionException(candidates.isEmpty()
                ? "Parameter " + parameter.getParameter() + " needs a " + kind.getSimpleName() + " field in the test"
                        + " class (static for constructors and @BeforeAll methods)"
                : "Parameter " + parameter.getParameter() + " could be any of " + names(candidates)
                        + ": name one with @FromField(\"" + candidates.get(0).field().getName() + "\")");
    }

    private static List<String> names(List<FieldValue> fields) {
        return fields.stream().map(f -> f.field().getName()).toList();
    }

    /** Fields of the test instances (when there are any yet), then static fields of the class and enclosing ones. */
    private static List<FieldValue> visibleFields(ExtensionContext context) {
        List<FieldValue> found = new ArrayList<>();
        context.getTestInstances().ifPresent(instances -> instances.getAllInstances()
                .forEach(instance -> found.addAll(fields(instance.getClass(), instance, false))));
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            found.addAll(fields(c, null, true));
        }
        return found;
    }

    /** One connection for the whole run, closed by JUnit when the run ends. */
    static Docker docker(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("docker", key -> new DockerResource(Docker.connect()), DockerResource.class)
                .docker();
    }

    static Settings settings(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("settings", key -> Settings.of(context), Settings.class);
    }

    private static Scope runScope(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("run-scope", key -> Scope.run(),
                Scope.class);
    }

    /** Each context's own scope, under a key no parent context has (Store.get looks in parents too). */
    private static String scopeKey(ExtensionContext context) {
        return "scope:" + context.getUniqueId();
    }

    /** What a test can reach: its own scope's fields, its class's, its enclosing classes'. */
    private static List<Managed> involved(ExtensionContext context) {
        List<Managed> involved = new ArrayList<>();
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            Scope scope = c.get().getStore(NAMESPACE).get(scopeKey(c.get()), Scope.class);
            if (scope != null) {
                scope.involved().stream().filter(m -> !involved.contains(m)).forEach(involved::add);
            }
        }
        return involved;
    }

    /** Independent fields start side by side; if one fails, the first failure is thrown with the others suppressed. */
    private static void startAll(ExtensionContext context, List<FieldValue> fields, Managed.Origin origin) {
        if (fields.isEmpty()) {
            return;
        }
        Docker docker = docker(context);
        Settings settings = settings(context);
        Scope scope = Scope.local();
        // in the store before anything starts: whatever starts is released with this context, even after a failure
        context.getStore(NAMESPACE).put(scopeKey(context), scope);
        Scope run = runScope(context);
        List<Runnable> starts = new ArrayList<>();
        for (FieldValue field : fields) {
            Managed managed = field.managed();
            if (managed.runScoped(settings)) {
                if (!Modifier.isStatic(field.field().getModifiers()) && managed instanceof ManagedContainer c
                        && c.isShared()) {
                    throw new ExtensionConfigurationException("Field " + field.field() + " is shared() but not"
                            + " static: a shared container lives for the whole run, so declare it static.");
                }
                Managed.Origin shared = new Managed.Origin(field.field().getDeclaringClass().getName(), null);
                starts.add(() -> {
                    run.acquireOnce(managed, () -> managed.acquire(docker, settings, shared));
                    scope.uses(managed);
                });
            } else {
                starts.add(() -> {
                    managed.acquire(docker, settings, origin);
                    scope.owns(managed);
                });
            }
        }
        if (starts.size() == 1) {
            starts.get(0).run();
            return;
        }
        ExecutorService starters = Executors.newFixedThreadPool(starts.size(), runnable -> {
            Thread thread = new Thread(runnable, "berth-junit-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Void>> futures = starts.stream()
                    .map(start -> CompletableFuture.runAsync(start, starters)).toList();
            RuntimeException failure = null;
            for (CompletableFuture<Void> future : futures) {
                try {
                    future.join();
                } catch (CompletionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
                    if (failure == null) {
                        failure = cause;
                    } else if (failure != cause) {
                        failure.addSuppressed(cause);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            starters.shutdown();
        }
    }

    /** Managed fields, superclass fields first (JUnit's own top-down order). */
    private static List<FieldValue> fields(Class<?> type, Object instance, boolean statics) {
        List<FieldValue> found = new ArrayList<>();
        List<Field> fields = ReflectionSupport.findFields(type,
                f -> Managed.class.isAssignableFrom(f.getType()) && Modifier.isStatic(f.getModifiers()) == statics,
                HierarchyTraversalMode.TOP_DOWN);
        for (Field field : fields) {
            try {
                field.setAccessible(true);
                Managed value = (Managed) field.get(instance);
                if (value == null) {
                    throw new ExtensionConfigurationException("Field " + field.getDeclaringClass().getSimpleName()
                            + "." + field.getName() + " is null: assign it ManagedContainer.of(ContainerSpec.of("
                            + "\"image\")…) or ManagedStack.of(…)");
                }
                found.add(new FieldValue(field, value));
            } catch (IllegalAccessException e) {
                throw new ExtensionConfigurationException("Cannot read field " + field, e);
            }
        }
        return found;
    }

    private record FieldValue(Field field, Managed managed) {
    }

    /** Closes the connection when the run ends. */
    @SuppressWarnings("deprecation") // CloseableResource: still the only kind JUnit 5.10-5.12 close
    private record DockerResource(Docker docker) implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            docker.close();
        }
    }
}
