package dev.berth.junit;

import dev.berth.Docker;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the {@link ManagedContainer} fields of a {@link DockerTest} class and removes them again. Resources live
 * in the {@link ExtensionContext.Store}, so JUnit closes them whatever happens: the connection once per run (root
 * store), static containers after the class, instance containers after each test.
 */
public final class BerthExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    /** Label on every container this extension starts: the test class that asked for it. */
    public static final String TEST_LABEL = "dev.berth.junit.test";
    /** On containers of instance fields: the test method they were started for. */
    public static final String TEST_METHOD_LABEL = "dev.berth.junit.method";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BerthExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        List<ManagedContainer> containers = fields(testClass, null, true);
        startAll(context, containers, testClass.getName(), null);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        List<ManagedContainer> containers = new ArrayList<>();
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            containers.addAll(fields(instance.getClass(), instance, false));
        }
        startAll(context, containers, context.getRequiredTestClass().getName(),
                context.getRequiredTestMethod().getName());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Docker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return docker(context);
    }

    /** One connection for the whole run, closed by JUnit when the run ends. */
    static Docker docker(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("docker", key -> new DockerResource(Docker.connect()), DockerResource.class)
                .docker();
    }

    /** Independent containers start side by side; if one fails, the others are removed and the error is raised. */
    private static void startAll(ExtensionContext context, List<ManagedContainer> containers, String testClass,
            String testMethod) {
        if (containers.isEmpty()) {
            return;
        }
        Docker docker = docker(context);
        context.getStore(NAMESPACE).put("containers", new StartedContainers(containers));
        if (containers.size() == 1) {
            containers.get(0).start(docker, testClass, testMethod);
            return;
        }
        ExecutorService starters = Executors.newFixedThreadPool(containers.size(), runnable -> {
            Thread thread = new Thread(runnable, "berth-junit-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Void>> starts = containers.stream()
                    .map(c -> CompletableFuture.runAsync(() -> c.start(docker, testClass, testMethod), starters))
                    .toList();
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        } finally {
            starters.shutdown();
        }
    }

    private static List<ManagedContainer> fields(Class<?> type, Object instance, boolean statics) {
        List<ManagedContainer> found = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getType() != ManagedContainer.class || Modifier.isStatic(field.getModifiers()) != statics) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    ManagedContainer value = (ManagedContainer) field.get(instance);
                    if (value == null) {
                        throw new ExtensionConfigurationException("Field " + c.getSimpleName() + "." + field.getName()
                                + " is null: assign it ManagedContainer.of(ContainerSpec.of(\"image\")…)");
                    }
                    found.add(value);
                } catch (IllegalAccessException e) {
                    throw new ExtensionConfigurationException("Cannot read field " + field, e);
                }
            }
        }
        return found;
    }

    /** Closes the connection when the run ends. */
    private record DockerResource(Docker docker) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            docker.close();
        }
    }

    /** Removes the containers of one scope (class or test) when JUnit closes that scope's store. */
    private record StartedContainers(List<ManagedContainer> containers)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            RuntimeException first = null;
            for (ManagedContainer container : containers) {
                try {
                    container.stop();
                } catch (RuntimeException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }
}
