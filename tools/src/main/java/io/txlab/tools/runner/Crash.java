package io.txlab.tools.runner;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order and transaction in the log context of a halt's line ("[order=... tx=... trace=...]", the services'
 * logging.pattern.level); null if none.
 */
public record Crash(String orderId, String txId) {

    static final Crash NONE = new Crash(null, null);
    private static final Pattern CONTEXT = Pattern.compile("\\[order=(\\S*) tx=([^\\s\\]]*)(?: trace=[^\\s\\]]*)?]");

    static Crash of(String line) {
        Matcher context = CONTEXT.matcher(line);
        return context.find() ? new Crash(blankToNull(context.group(1)), blankToNull(context.group(2))) : NONE;
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
