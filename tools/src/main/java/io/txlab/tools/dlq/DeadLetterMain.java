package io.txlab.tools.dlq;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import io.txlab.contracts.event.ConsumerGroups;
import io.txlab.tools.check.CheckTarget;
import io.txlab.deadletter.DeadLetter;
import io.txlab.deadletter.DeadLetterQueues;
import org.apache.rocketmq.client.exception.MQClientException;

/**
 * {@code scripts/dlq.sh list [GROUP]} prints each consumer group's dead letters, with the reason of each one a
 * service parked (read from its delivery_failure table); {@code scripts/dlq.sh replay GROUP} replays the
 * group's dead letters not replayed before, to that group only. The name server is TXLAB_NAMESRV_ADDR (the
 * devstack's by default), the database the services' TXLAB_MYSQL_* and schema settings (as scripts/check.sh).
 * Exit codes: 0 done, also when the database could not be read (the reasons are then left out, and said so);
 * 2 usage; 3 broker unreachable.
 */
public final class DeadLetterMain {

    static final int OK = 0;
    static final int USAGE = 2;
    static final int UNREACHABLE = 3;

    private static final String USAGE_TEXT = "usage: scripts/dlq.sh list [GROUP] | replay GROUP   (groups: "
            + String.join(", ", ConsumerGroups.ALL) + ")";

    private final PrintStream out;
    private final PrintStream err;
    /** Once the database failed to answer, the run stops asking it. */
    private boolean reasonsUnreadable;

    DeadLetterMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new DeadLetterMain(System.out, System.err).run(args, System.getenv()));
    }

    int run(String[] args, Map<String, String> env) {
        boolean list = args.length >= 1 && args[0].equals("list") && args.length <= 2;
        boolean replay = args.length == 2 && args[0].equals("replay");
        if (!list && !replay) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        if (args.length == 2 && !ConsumerGroups.ALL.contains(args[1])) {
            err.println("no consumer group " + args[1] + "; " + USAGE_TEXT);
            return USAGE;
        }
        String namesrv = env.getOrDefault("TXLAB_NAMESRV_ADDR", "127.0.0.1:19876");
        try (DeadLetterQueues queues = new DeadLetterQueues(namesrv)) {
            if (replay) {
                List<DeadLetter> replayed = queues.replay(args[1], letter -> out.println(letter.replayedLine()));
                out.println(replayed.size() + " dead letter(s) of " + args[1] + " replayed to " + args[1] + " only");
            } else {
                ParkedReasons parked = new ParkedReasons(CheckTarget.fromEnvironment(env));
                queues.list(args.length == 2 ? List.of(args[1]) : ConsumerGroups.ALL)
                        .forEach((group, letters) -> print(group, letters, reasons(parked, group, letters)));
            }
            return OK;
        } catch (MQClientException | IllegalStateException e) {
            err.println("cannot read the dead letters through the name server " + namesrv + ": " + e.getMessage()
                    + "; is the platform running? (scripts/up.sh)");
            return UNREACHABLE;
        }
    }

    private void print(String group, List<DeadLetter> letters, Map<String, String> reasons) {
        out.println(group + ": " + letters.size() + " dead letter(s)");
        letters.forEach(letter -> out.println("  " + (letter.replayed() ? "replayed  " : "waiting   ")
                + letter.describe(reasons.get(letter.clientMsgId()))));
    }

    private Map<String, String> reasons(ParkedReasons parked, String group, List<DeadLetter> letters) {
        if (reasonsUnreadable || letters.isEmpty()) {
            return Map.of();
        }
        try {
            return parked.of(group, letters);
        } catch (SQLException e) {
            reasonsUnreadable = true;
            err.println("why a letter was parked is not shown: cannot read delivery_failure on " + parked.target()
                    + ": " + e.getMessage());
            return Map.of();
        }
    }
}
