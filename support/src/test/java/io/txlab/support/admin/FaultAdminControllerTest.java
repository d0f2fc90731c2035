package io.txlab.support.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.txlab.contracts.fault.FaultAction;
import io.txlab.contracts.fault.FaultPoint;
import io.txlab.support.fault.FaultPoints;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class FaultAdminControllerTest {

    private static final String TOKEN = "s3cret-admin-token";

    private final FaultPoints faults = new FaultPoints("inventory", true);

    private MockMvc mvc(FaultPoints registry, String configuredToken) {
        return MockMvcBuilders.standaloneSetup(new FaultAdminController(registry,
                new AdminAccess(new AdminToken(configuredToken), "inventory"))).build();
    }

    private static MockHttpServletRequestBuilder arm(String json) {
        return post("/admin/faults").header(AdminToken.HEADER, TOKEN).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    @Test
    void armsListsAndDisarmsAFault() throws Exception {
        MockMvc mvc = mvc(faults, TOKEN);

        mvc.perform(arm("{\"point\":\"inventory.consume\",\"action\":\"throw\",\"times\":2}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.armed['inventory.consume'].kind").value("THROW"))
                .andExpect(jsonPath("$.armed['inventory.consume'].times").value(2));
        assertThat(faults.armed()).containsEntry("inventory.consume", FaultAction.throwTimes(2));
        mvc.perform(get("/admin/faults").header(AdminToken.HEADER, TOKEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.service").value("inventory"))
                .andExpect(jsonPath("$.points[?(@.name == 'inventory.after-db-commit')]").exists())
                .andExpect(jsonPath("$.points[?(@.name == 'inventory.compensate')].where")
                        .value("inside a cancel's DB transaction, before anything is undone"))
                .andExpect(jsonPath("$.points[?(@.name == 'inventory.outbox-relay')]").doesNotExist());

        mvc.perform(delete("/admin/faults/inventory.consume").header(AdminToken.HEADER, TOKEN))
                .andExpect(status().isNoContent());
        assertThat(faults.armed()).isEmpty();
    }

    @Test
    void armsADelayAndADroppedEndTransaction() throws Exception {
        MockMvc mvc = mvc(faults, TOKEN);

        mvc.perform(arm("{\"point\":\"inventory.check-back\",\"action\":\"delay\",\"delayMs\":1500}"))
                .andExpect(status().isCreated());
        mvc.perform(arm("{\"point\":\"inventory.after-local-commit\",\"action\":\"drop-end-transaction\"}"))
                .andExpect(status().isCreated());

        assertThat(faults.armed().get("inventory.check-back").delay().toMillis()).isEqualTo(1500);
        assertThat(faults.armed().get("inventory.after-local-commit").kind())
                .isEqualTo(FaultAction.Kind.DROP_END_TRANSACTION);
    }

    @Test
    void aMissingOrWrongTokenIs401AndNothingIsArmed() throws Exception {
        MockMvc mvc = mvc(faults, TOKEN);

        mvc.perform(post("/admin/faults").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"point\":\"inventory.consume\",\"action\":\"crash\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/admin/faults").header(AdminToken.HEADER, "guess")).andExpect(status().isUnauthorized());
        mvc.perform(delete("/admin/faults").header(AdminToken.HEADER, "")).andExpect(status().isUnauthorized());
        assertThat(faults.armed()).isEmpty();
    }

    @Test
    void withoutAConfiguredTokenEveryRequestIsRefused() throws Exception {
        MockMvc mvc = mvc(faults, null);

        mvc.perform(get("/admin/faults").header(AdminToken.HEADER, "anything"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("set TXLAB_ADMIN_TOKEN (at least 16 characters) for inventory to use them"));
    }

    @Test
    void badRequestsListEveryError() throws Exception {
        mvc(faults, TOKEN).perform(arm("{\"point\":\"order.check-back\",\"action\":\"explode\",\"times\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(3));
        assertThat(faults.armed()).isEmpty();
    }

    @Test
    void aPointOfAnotherServiceIsRefusedWithThisServicesNames() throws Exception {
        mvc(faults, TOKEN).perform(arm("{\"point\":\"inventory.outbox-relay\",\"action\":\"throw\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0]").value(org.hamcrest.Matchers.startsWith(
                        "point must be one of [inventory.before-local-tx, inventory.in-local-tx,")))
                .andExpect(jsonPath("$.errors[0]").value(org.hamcrest.Matchers.endsWith(
                        "inventory.before-reply, inventory.compensate]")));
        assertThat(faults.armed()).isEmpty();
    }

    @Test
    void disarmingAnUnknownPointChangesNothing() throws Exception {
        faults.arm(FaultPoint.CONSUME, FaultAction.throwTimes(1));

        mvc(faults, TOKEN).perform(delete("/admin/faults/inventory.nowhere").header(AdminToken.HEADER, TOKEN))
                .andExpect(status().isNoContent());
        assertThat(faults.armed()).containsOnlyKeys("inventory.consume");
    }

    @Test
    void withoutTheChaosProfileNothingCanBeArmed() throws Exception {
        FaultPoints off = new FaultPoints("inventory", false);

        mvc(off, TOKEN).perform(arm("{\"point\":\"inventory.consume\",\"action\":\"crash\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Fault points are off"));
        assertThat(off.armed()).isEmpty();
    }
}
