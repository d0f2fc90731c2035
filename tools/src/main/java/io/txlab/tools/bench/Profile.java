package io.txlab.tools.bench;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The load shapes of {@code scripts/load.sh}; {@code flash} is the separate closed-model benchmark. {@code compare}
 * is a constant rate whose orders take turns among the publishing ways, then a short flash-sale phase.
 */
public enum Profile {
    CONSTANT("constant"),
    STEP_UP("step-up"),
    SALE("sale"),
    MIXED("mixed"),
    COMPARE("compare");

    private final String cliName;

    Profile(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    static Profile of(String name) {
        return Arrays.stream(values()).filter(profile -> profile.cliName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no load profile '" + name + "'; the profiles are "
                        + names()));
    }

    static String names() {
        return Arrays.stream(values()).map(Profile::cliName).collect(Collectors.joining(", "));
    }
}
