package io.txlab.e2e.console;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a browser test class when Debian's chromium and chromium-driver are not installed, before the
 * platform starts for it; with {@value #REQUIRED}=true (CI) it fails instead.
 */
final class InstalledChromium implements BeforeAllCallback {

    static final String REQUIRED = "TXLAB_BROWSER_TESTS_REQUIRED";

    @Override
    public void beforeAll(ExtensionContext context) {
        if (Browser.installed()) {
            return;
        }
        String missing = "needs " + Browser.CHROMIUM + " and " + Browser.CHROMEDRIVER
                + " (apt-get install chromium chromium-driver)";
        if (Boolean.parseBoolean(System.getenv(REQUIRED))) {
            fail(REQUIRED + "=true and the browser test " + missing);
        }
        assumeTrue(false, "skipped: the browser test " + missing);
    }
}
