package io.txlab.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerMapping;

class PathVariableGuardTest {

    @Test
    void takesIdsNumbersAndFaultPointNames() {
        assertThat(PathVariableGuard.acceptable("0b0f8a52-6a0e-4c8e-9d5c-5b7b1f0c2a11")).isTrue();
        assertThat(PathVariableGuard.acceptable("inventory.between-commit-and-send")).isTrue();
        assertThat(PathVariableGuard.acceptable("o".repeat(64))).isTrue();
    }

    @Test
    void refusesWhatNoIdCanBe() {
        assertThat(PathVariableGuard.acceptable("o".repeat(65))).isFalse();
        assertThat(PathVariableGuard.acceptable("a\nb")).isFalse();
        assertThat(PathVariableGuard.acceptable("\u0000")).isFalse();
        assertThat(PathVariableGuard.acceptable("a\u007fb")).isFalse();
    }

    @Test
    void aBadVariableIsA400ProblemNamingItBeforeTheHandlerRuns() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/orders/x");
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("orderId", "a\tb"));

        assertThatThrownBy(() -> new PathVariableGuard().preHandle(request, new MockHttpServletResponse(), new Object()))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.getBody().getDetail()).startsWith("path variable orderId must be at most 64");
                });
    }
}
