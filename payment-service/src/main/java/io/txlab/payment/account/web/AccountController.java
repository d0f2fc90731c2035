package io.txlab.payment.account.web;

import io.txlab.payment.account.domain.AccountRepository;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/payment/accounts")
class AccountController {

    private final AccountRepository accounts;

    AccountController(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /**
     * Reads a buyer's balance in cents. 404 problem for an unknown account.
     */
    @GetMapping("/{userId}")
    ResponseEntity<AccountView> account(@PathVariable long userId) {
        return accounts.find(userId)
                .map(account -> ResponseEntity.ok(new AccountView(account.userId(), account.balanceCents())))
                .orElseGet(() -> ResponseEntity.of(unknownAccount(userId)).build());
    }

    private static ProblemDetail unknownAccount(long userId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no account for user " + userId);
        problem.setTitle("Unknown account");
        problem.setProperty("userId", userId);
        return problem;
    }

    record AccountView(long userId, long balanceCents) {
    }
}
