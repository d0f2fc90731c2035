package io.txlab.common.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The shared secret the admin endpoints require in {@code X-Admin-Token}: the TXLAB_ADMIN_TOKEN environment
 * variable. There is no built-in default; without it every admin request is refused.
 */
public final class AdminToken {

    public static final String HEADER = "X-Admin-Token";
    public static final String VARIABLE = "TXLAB_ADMIN_TOKEN";

    public enum Verdict { ALLOWED, NOT_CONFIGURED, WRONG_OR_MISSING }

    private final byte[] expected;

    public AdminToken(String configured) {
        this.expected = configured == null || configured.isBlank() ? null : configured.getBytes(StandardCharsets.UTF_8);
    }

    /** Compared in constant time, so the answer's timing tells nothing about the token. */
    public Verdict check(String presented) {
        if (expected == null) {
            return Verdict.NOT_CONFIGURED;
        }
        if (presented == null) {
            return Verdict.WRONG_OR_MISSING;
        }
        return MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))
                ? Verdict.ALLOWED : Verdict.WRONG_OR_MISSING;
    }
}
