package io.txlab.support.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

class RequestProblemsTest {

    record Body(String requestId, Integer quantity) {
    }

    @RestController
    static class Endpoints {

        @PostMapping("/things")
        Body take(@RequestBody Body body) {
            return body;
        }

        @GetMapping("/things/{thingId}")
        String one(@PathVariable long thingId) {
            return "thing " + thingId;
        }
    }

    private final MockMvc mvc = mvc();

    private static MockMvc mvc() {
        JsonMapper.Builder strict = JsonMapper.builder();
        new StrictJson().customize(strict);
        return MockMvcBuilders.standaloneSetup(new Endpoints())
                .setControllerAdvice(new RequestProblems())
                .setMessageConverters(new JacksonJsonHttpMessageConverter(strict))
                .addInterceptors(new PathVariableGuard())
                .build();
    }

    @Test
    void aFractionWhereAWholeNumberIsMeantNamesTheFieldAndNoJavaType() throws Exception {
        problem(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"quantity\":1.5}"), 400)
                .andExpect(jsonPath("$.title").value("Invalid request body"))
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("quantity must be a whole number")));
    }

    @Test
    void anUnknownFieldIsNamedWithTheFieldsThereAre() throws Exception {
        problem(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"quantity\":1,\"admin\":true}"), 400)
                .andExpect(jsonPath("$.detail").value("unknown field admin; the fields are quantity, requestId"));
    }

    @Test
    void malformedJsonSaysWhere() throws Exception {
        problem(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"quantity\":"), 400)
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("the body is not valid JSON")));
    }

    @Test
    void aFieldGivenTwiceOrSomethingAfterTheBodyIsSaidSo() throws Exception {
        problem(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"quantity\":1,\"quantity\":100}"), 400)
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("a field appears twice")));
        problem(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"quantity\":1} {}"), 400)
                .andExpect(jsonPath("$.detail").value("the body must hold one JSON value and nothing after it"));
    }

    @Test
    void aMissingBodyIsSaidSo() throws Exception {
        problem(post("/things").contentType(MediaType.APPLICATION_JSON), 400)
                .andExpect(jsonPath("$.detail").value("a JSON body is required"));
    }

    @Test
    void aPathVariableOfTheWrongTypeIsA400NamingIt() throws Exception {
        problem(get("/things/1.5"), 400)
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("path variable thingId must be a whole number")));
    }

    @Test
    void frameworkRefusalsAreProblemsToo() throws Exception {
        problem(get("/things"), 405);
        problem(post("/things").contentType(MediaType.TEXT_PLAIN).content("x"), 415);
        problem(get("/things/" + "9".repeat(65)), 400)
                .andExpect(jsonPath("$.title").value("Invalid path variable"));
    }

    private ResultActions problem(org.springframework.test.web.servlet.RequestBuilder request, int status)
            throws Exception {
        return mvc.perform(request)
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(content().string(Matchers.not(Matchers.containsString("java."))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Exception"))));
    }
}
