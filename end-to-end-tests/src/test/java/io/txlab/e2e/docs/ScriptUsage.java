package io.txlab.e2e.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sub-commands a script states it takes, read from its own usage text: each lower-case word (or
 * {@code --word}) right after {@code scripts/NAME.sh}, alternatives split on {@code |}, as in
 * {@code scripts/service.sh kill|start|restart} or {@code scripts/compose-test.sh [all|NAME]}. Placeholders
 * in capitals ({@code NAME}, {@code ORDER_ID}) and bracketed options ({@code [--minutes N]}) are not
 * sub-commands.
 */
final class ScriptUsage {

    private static final String WORD = "(?:--)?[a-z][a-z0-9-]*";

    private ScriptUsage() {
    }

    static Set<String> subCommands(Path script) {
        String name = script.getFileName().toString();
        Pattern usage = Pattern.compile("scripts/" + Pattern.quote(name) + " +\\[?(" + WORD + "(?:\\|" + WORD + ")*)");
        Set<String> subCommands = new TreeSet<>();
        Matcher found = usage.matcher(read(script));
        while (found.find()) {
            boolean bracketedOption = found.group().contains("[") && found.group(1).startsWith("--");
            if (!bracketedOption) {
                subCommands.addAll(Arrays.asList(found.group(1).split("\\|")));
            }
        }
        return subCommands;
    }

    private static String read(Path script) {
        try {
            return Files.readString(script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
