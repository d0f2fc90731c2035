package io.txlab.e2e.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.txlab.e2e.docs.HttpEndpoints.Endpoint;
import org.junit.jupiter.api.Test;

/**
 * The docs keep up with the code: every script in scripts/ and each sub-command it states, and every HTTP
 * endpoint of the three services and support, is mentioned in README.md or docs/*.md; every relative link
 * between those pages resolves, anchors included; the README stays short. Reads the repository from this
 * module's parent directory.
 */
class DocsCoverageTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final List<String> ENDPOINT_MODULES =
            List.of("order-service", "inventory-service", "payment-service", "support");
    private static final int README_MAX_LINES = 250;
    /** Characters that continue a name or a path: a mention must not be followed (or preceded) by one. */
    private static final String NAME_CHARACTER = "[A-Za-z0-9_-]";

    private final List<MarkdownPage> pages = pages();

    @Test
    void everyScriptIsMentioned() {
        List<String> missing = new ArrayList<>();
        for (Path script : scripts()) {
            String name = script.getFileName().toString();
            if (linesMentioning(name).isEmpty()) {
                missing.add(name);
            }
        }
        assertThat(missing).as("scripts/*.sh mentioned nowhere in README.md or docs/*.md").isEmpty();
    }

    @Test
    void everySubCommandOfAScriptIsMentionedWithIt() {
        List<String> missing = new ArrayList<>();
        int found = 0;
        for (Path script : scripts()) {
            String name = script.getFileName().toString();
            for (String subCommand : ScriptUsage.subCommands(script)) {
                found++;
                Pattern word = bounded(subCommand);
                if (linesMentioning(name).stream().noneMatch(line -> word.matcher(line).find())) {
                    missing.add("scripts/" + name + " " + subCommand);
                }
            }
        }
        assertThat(found).as("sub-commands read from the scripts' usage (load.sh step-up, dlq.sh replay, ...)")
                .isGreaterThanOrEqualTo(15);
        assertThat(missing).as("sub-commands no line of README.md or docs/*.md mentions beside their script")
                .isEmpty();
    }

    @Test
    void everyHttpEndpointIsMentionedWithItsMethod() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (String module : ENDPOINT_MODULES) {
            endpoints.addAll(HttpEndpoints.declaredUnder(ROOT.resolve(module).resolve("src/main/java")));
        }
        assertThat(endpoints).as("endpoints read from the sources").extracting(Endpoint::toString)
                .anyMatch(endpoint -> endpoint.startsWith("POST /api/orders ("))
                .anyMatch(endpoint -> endpoint.startsWith("GET /api/orders/{orderId}/timeline ("))
                .anyMatch(endpoint -> endpoint.startsWith("PUT /api/inventory/flash-allocations/{saleId} ("))
                .anyMatch(endpoint -> endpoint.startsWith("DELETE /admin/faults/{point} ("))
                .anyMatch(endpoint -> endpoint.startsWith("any method /error ("));
        List<Endpoint> missing = endpoints.stream().filter(endpoint -> !mentioned(endpoint)).toList();
        assertThat(missing).as("endpoints no line of README.md or docs/*.md names with their HTTP method").isEmpty();
    }

    @Test
    void everyRelativeLinkResolves() {
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (MarkdownPage page : pages) {
            for (String target : page.linkTargets()) {
                if (!target.matches("^[a-z]+:.*")) {
                    links++;
                    String problem = problemWith(page, target);
                    if (problem != null) {
                        broken.add(ROOT.relativize(page.path()) + ": (" + target + ") " + problem);
                    }
                }
            }
        }
        assertThat(links).as("relative links found").isGreaterThan(20);
        assertThat(broken).as("links between README.md and docs/*.md that lead nowhere").isEmpty();
    }

    @Test
    void theReadmeStaysShortAndTheSkippedTestsHaveTheirSection() throws IOException {
        assertThat(Files.readAllLines(ROOT.resolve("README.md"))).as("README.md lines").hasSizeLessThanOrEqualTo(
                README_MAX_LINES);
        // .ci/skipped-tests reads the tests allowed to skip from this section
        assertThat(MarkdownPage.read(ROOT.resolve("docs/testing.md")).anchors()).contains("tests-skipped-on-purpose");
    }

    private boolean mentioned(Endpoint endpoint) {
        Pattern path = Pattern.compile(Pattern.quote(endpoint.path()) + "(?![A-Za-z0-9_/{-])");
        Pattern method = endpoint.method() == null ? null : bounded(endpoint.method());
        return allLines().stream().anyMatch(line -> path.matcher(line).find()
                && (method == null || method.matcher(line).find()));
    }

    private String problemWith(MarkdownPage page, String target) {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? page.path() : page.path().getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (hash < 0 || !resolved.toString().endsWith(".md")) {
            return null;
        }
        String anchor = target.substring(hash + 1);
        return MarkdownPage.read(resolved).anchors().contains(anchor) ? null : "no heading with this anchor";
    }

    private List<String> linesMentioning(String scriptName) {
        Pattern name = bounded(scriptName);
        return allLines().stream().filter(line -> name.matcher(line).find()).toList();
    }

    private List<String> allLines() {
        return pages.stream().flatMap(page -> page.lines().stream()).toList();
    }

    private static Pattern bounded(String text) {
        return Pattern.compile("(?<!" + NAME_CHARACTER + ")" + Pattern.quote(text) + "(?!" + NAME_CHARACTER + ")");
    }

    private static List<Path> scripts() {
        try (Stream<Path> files = Files.list(ROOT.resolve("scripts"))) {
            List<Path> scripts = files.filter(file -> file.toString().endsWith(".sh")).sorted().toList();
            assertThat(scripts).as("scripts/*.sh").isNotEmpty();
            return scripts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** README.md and docs/*.md (not docs/soak/: a run's report, kept as it was written). */
    private static List<MarkdownPage> pages() {
        List<MarkdownPage> pages = new ArrayList<>(List.of(MarkdownPage.read(ROOT.resolve("README.md"))));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(file -> file.toString().endsWith(".md")).sorted().map(MarkdownPage::read).forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }
}
