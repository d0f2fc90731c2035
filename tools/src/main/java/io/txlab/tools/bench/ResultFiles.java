package io.txlab.tools.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes a result as RUN_DIR/bench/PROFILE-TIMESTAMP.json, .md and .html. */
final class ResultFiles {

    /** The three files written. */
    record Paths(Path json, Path markdown, Path html) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path directory;

    ResultFiles(Path directory) {
        this.directory = directory;
    }

    Paths write(BenchResult result, LocalDateTime at) {
        String base = result.settings().profile().cliName() + "-" + at.format(STAMP);
        List<String> markdown = MarkdownReport.lines(result);
        try {
            Files.createDirectories(directory);
            Paths paths = new Paths(directory.resolve(base + ".json"), directory.resolve(base + ".md"),
                    directory.resolve(base + ".html"));
            Files.writeString(paths.json(), JSON.writeValueAsString(result));
            Files.writeString(paths.markdown(), String.join("\n", markdown) + "\n");
            Files.writeString(paths.html(), HtmlChart.page(result, markdown));
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results to " + directory + ": " + e.getMessage(), e);
        }
    }
}
