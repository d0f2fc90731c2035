package io.txlab.payment.account.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.txlab.payment.account.domain.Account;
import io.txlab.payment.account.domain.AccountRepository;
import io.txlab.payment.account.domain.BalanceCharge;
import io.txlab.payment.account.domain.PaymentMovement;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AccountControllerTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new AccountController(new OneAccount())).build();

    @Test
    void showsTheBalance() throws Exception {
        mvc.perform(get("/api/payment/accounts/7"))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"userId\":7,\"balanceCents\":100000}", true));
    }

    @Test
    void answersAnUnknownAccountWithAProblem() throws Exception {
        mvc.perform(get("/api/payment/accounts/404"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Unknown account"))
                .andExpect(jsonPath("$.userId").value(404))
                .andExpect(jsonPath("$.trace").doesNotExist());
    }

    /** An in-memory port: the web adapter's behaviour does not depend on how accounts are stored. */
    private static final class OneAccount implements AccountRepository {

        private final Map<Long, Account> accounts = Map.of(7L, new Account(7, 100_000, 0));

        @Override
        public Optional<Account> find(long userId) {
            return Optional.ofNullable(accounts.get(userId));
        }

        @Override
        public boolean charge(long userId, long amountCents) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void recordCharges(List<BalanceCharge> charges) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void refund(String orderId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<PaymentMovement> movementsOf(String orderId) {
            throw new UnsupportedOperationException();
        }
    }
}
