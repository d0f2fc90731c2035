package io.txlab.e2e.support;

import io.txlab.devstack.DevStackExtension;
import io.txlab.tools.client.PlatformClient;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One running {@link Platform} per test JVM (services start once, ~seconds), on the shared devstack.
 * Faults armed by a test are disarmed after it.
 */
public final class PlatformExtension implements BeforeAllCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PlatformExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        platform(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        platform(context).disarmAllFaults();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Platform.class || type == PlatformClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Platform platform = platform(context);
        return parameter.getParameter().getType() == Platform.class ? platform : platform.client();
    }

    private static Platform platform(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("platform", key -> Platform.start(DevStackExtension.shared()), Platform.class);
    }
}
