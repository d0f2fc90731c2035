package io.txlab.devstack;

/** Stopping and starting again a part that listens on a port: a no-op when it already is as asked. */
final class Restarts {

    interface Start {
        void run() throws Exception;
    }

    private Restarts() {
    }

    /** @return false if nothing listened on the port (already stopped) */
    static boolean stop(int port, Runnable close) {
        if (!Ports.isListening(port)) {
            return false;
        }
        close.run();
        return true;
    }

    /** @return false if something listens on the port already */
    static boolean startAgain(String part, int port, Start start) {
        if (Ports.isListening(port)) {
            return false;
        }
        try {
            start.run();
            return true;
        } catch (Exception e) {
            throw new DevStackException(part + " on port " + port + " failed to start again: " + e.getMessage(), e);
        }
    }
}
