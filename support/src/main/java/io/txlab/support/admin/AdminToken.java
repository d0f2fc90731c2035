package io.txlab.support.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The shared secret the admin endpoints require in {@code X-Admin-Token}: the TXLAB_ADMIN_TOKEN environment
 * variable. There is no built-in default; without it every admin request is refused. A token shorter than
 * {@link #MIN_LENGTH} characters is refused at start-up: the service does not start with a guessable one.
 */
public final class AdminToken {

    public static final String HEADER = "X-Admin-Token";
    public static final String VARIABLE = "TXLAB_ADMIN_TOKEN";
    public static final int MIN_LENGTH = 16;

    public enum Verdict { ALLOWED, NOT_CONFIGURED, WRONG_OR_MISSING }

    private final byte[] expected;

    /**
     * @param configured the token; null or blank turns the admin endpoints off
     * @throws IllegalStateException when it is shorter than {@link #MIN_LENGTH} characters (the message never
     *                               repeats the token)
     */
    public AdminToken(String configured) {
        if (configured == null || configured.isBlank()) {
            this.expected = null;
            return;
        }
        if (configured.length() < MIN_LENGTH) {
            throw new IllegalStateException(VARIABLE + " is " + configured.length() + " characters long; an admin "
                    + "token must have at least " + MIN_LENGTH + " (for example the output of: openssl rand -hex 16). "
                    + "Unset it to turn the admin endpoints off.");
        }
        this.expected = configured.getBytes(StandardCharsets.UTF_8);
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
