package io.txlab.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class QueryParametersTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void absentParametersTakeTheirDefaults() {
        QueryParameters parameters = new QueryParameters();
        assertThat(parameters.integer("limit", null, 50, 1, 500)).isEqualTo(50);
        assertThat(parameters.instant("since", " ")).isEmpty();
        assertThat(parameters.oneOf("unit", "", TimeUnit.class)).isEmpty();
        parameters.validate();
    }

    @Test
    void readsGoodValues() {
        QueryParameters parameters = new QueryParameters();
        assertThat(parameters.integer("limit", " 500 ", 50, 1, 500)).isEqualTo(500);
        assertThat(parameters.instant("since", "2026-11-22T10:00:00Z")).contains(Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(parameters.pointInTime("since", "PT10M", NOW)).contains(NOW.minusSeconds(600));
        assertThat(parameters.oneOf("unit", "seconds", TimeUnit.class)).contains(TimeUnit.SECONDS);
        parameters.validate();
    }

    @Test
    void refusesEveryBadParameterAtOnceNamingEach() {
        QueryParameters parameters = new QueryParameters();
        parameters.integer("limit", "1e3", 50, 1, 500);
        parameters.instant("since", "+10000-01-01T00:00:00Z");
        parameters.pointInTime("until", "PT2000000000000H", NOW);
        parameters.oneOf("unit", "FORTNIGHTS", TimeUnit.class);
        parameters.integer("stuckSeconds", "0", 30, 1, 60);

        assertThatThrownBy(parameters::validate).isInstanceOfSatisfying(QueryParameters.InvalidQueryParameters.class,
                e -> {
                    ProblemDetail problem = e.getBody();
                    assertThat(problem.getStatus()).isEqualTo(400);
                    assertThat(problem.getProperties()).containsEntry("parameters",
                            List.of("limit", "since", "until", "unit", "stuckSeconds"));
                    assertThat((List<?>) problem.getProperties().get("errors")).hasSize(5);
                });
    }
}
