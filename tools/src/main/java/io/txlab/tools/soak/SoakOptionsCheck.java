package io.txlab.tools.soak;

import java.nio.file.Path;

/** scripts/soak.sh checks its options with this before it starts anything: exit 0 if they are good, else 2. */
public final class SoakOptionsCheck {

    private SoakOptionsCheck() {
    }

    public static void main(String[] args) {
        try {
            SoakOptions.parse(args, Path.of("."));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(SoakOptions.USAGE);
            System.exit(SoakMain.CANNOT_RUN);
        }
    }
}
