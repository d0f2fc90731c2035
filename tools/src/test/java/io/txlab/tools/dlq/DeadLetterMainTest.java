package io.txlab.tools.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DeadLetterMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final DeadLetterMain main = new DeadLetterMain(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void badUsageExitsWith2AndSaysWhatIsExpected() {
        assertThat(main.run(new String[0], Map.of())).isEqualTo(DeadLetterMain.USAGE);
        assertThat(main.run(new String[] {"replay"}, Map.of())).isEqualTo(DeadLetterMain.USAGE);
        assertThat(main.run(new String[] {"purge", "txlab-payment"}, Map.of())).isEqualTo(DeadLetterMain.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: scripts/dlq.sh list [GROUP] | replay GROUP");
    }

    @Test
    void anUnknownGroupIsRefusedBeforeTouchingTheBroker() {
        assertThat(main.run(new String[] {"replay", "txlab-nobody"}, Map.of("TXLAB_NAMESRV_ADDR", "127.0.0.1:1")))
                .isEqualTo(DeadLetterMain.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no consumer group txlab-nobody");
    }

    @Test
    void anUnreachableNameServerExitsWith3() {
        assertThat(main.run(new String[] {"list", "txlab-payment"}, Map.of("TXLAB_NAMESRV_ADDR", "127.0.0.1:1")))
                .isEqualTo(DeadLetterMain.UNREACHABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read the dead letters through the name server 127.0.0.1:1");
    }
}
