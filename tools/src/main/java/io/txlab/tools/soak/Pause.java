package io.txlab.tools.soak;

/** The soak's waits: a fault held, a poll's interval. An interrupt ends the soak. */
final class Pause {

    private Pause() {
    }

    static void seconds(long seconds) {
        millis(seconds * 1000);
    }

    static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
