package dev.berth.core;

import dev.berth.core.internal.engine.HostEngineLock;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code @ExtendWith(SharedEngineLock.class)}: the class holds the host-wide engine lock shared while it runs (for
 * engine tests that do not extend {@link EngineTest}); JUnit's store releases it after the class, whatever happens.
 */
public final class SharedEngineLock implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        HostEngineLock.Held held = HostEngineLock.forCurrentEngine().shared(Duration.ofMinutes(15));
        context.getStore(ExtensionContext.Namespace.create(SharedEngineLock.class))
                .put("lock", (ExtensionContext.Store.CloseableResource) held::close);
    }
}
