package io.txlab.devstack;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 fixture: one {@link DevStack} per test JVM ({@link DevStackSettings#forTests()}, environment from
 * {@link System#getenv()}), shared by every test class that uses this extension and closed once when the
 * test run of the JVM ends. Resolves parameters of type {@link DevStack}.
 *
 * <p>A failed start is remembered: later test classes fail at once with the same error instead of trying again.
 */
public final class DevStackExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DevStackExtension.class);

    private static DevStack stack;
    private static DevStackException startFailure;

    /**
     * The stack of this JVM, started on first use. Usable where no parameter can be injected (e.g. a Spring
     * {@code @DynamicPropertySource} method); a JVM shutdown hook closes a stack that no test run closed.
     */
    public static synchronized DevStack shared() {
        if (startFailure != null) {
            throw new DevStackException("devstack failed to start earlier in this JVM: " + startFailure.getMessage(),
                    startFailure);
        }
        if (stack == null) {
            try {
                DevStack started = DevStack.start(DevStackSettings.forTests(), System.getenv());
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "txlab-devstack-shutdown"));
                stack = started;
            } catch (DevStackException e) {
                startFailure = e;
                throw e;
            }
        }
        return stack;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        register(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == DevStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return register(extensionContext);
    }

    /** Keeps the stack in the root store, which closes it when the whole test run of this JVM is over. */
    private static DevStack register(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(DevStack.class, key -> new Lease(shared()), Lease.class).stack();
    }

    private record Lease(DevStack stack) implements AutoCloseable {
        @Override
        public void close() {
            synchronized (DevStackExtension.class) {
                if (DevStackExtension.stack == stack) {
                    DevStackExtension.stack = null;
                }
            }
            stack.close();
        }
    }
}
