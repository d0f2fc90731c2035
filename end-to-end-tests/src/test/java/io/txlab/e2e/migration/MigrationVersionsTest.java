package io.txlab.e2e.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A service's schema is migrated from common, participant (inventory and payment) and its own folder together,
 * and the test fixtures (ThrowawaySchema, ConsistencyCheckerIT) read all three for every service: a version that
 * two of those folders both use stops Flyway ("more than one migration with version").
 */
class MigrationVersionsTest {

    private static final Path MIGRATIONS = Path.of("..", "db", "migration");
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.+\\.sql");

    @ParameterizedTest
    @ValueSource(strings = {"order", "inventory", "payment"})
    void everyVersionAServiceMigratesIsUsedOnce(String service) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("common", "participant", service)) {
            files.addAll(migrationsIn(MIGRATIONS.resolve(folder)));
        }

        Map<String, List<String>> byVersion = files.stream().collect(Collectors.groupingBy(
                MigrationVersionsTest::version, Collectors.mapping(file -> MIGRATIONS.relativize(file).toString(),
                        Collectors.toList())));

        assertThat(byVersion).isNotEmpty();
        assertThat(byVersion.values()).allSatisfy(sameVersion ->
                assertThat(sameVersion).as("files of one version").hasSize(1));
    }

    private static List<Path> migrationsIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> VERSIONED.matcher(file.getFileName().toString()).matches()).toList();
        }
    }

    private static String version(Path file) {
        Matcher matcher = VERSIONED.matcher(file.getFileName().toString());
        return matcher.matches() ? matcher.group(1) : "";
    }
}
