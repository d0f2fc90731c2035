package io.txlab.inventory.stock.web;

import io.txlab.support.admin.AdminAccess;
import io.txlab.support.admin.AdminToken;
import io.txlab.inventory.stock.application.AllocateFlashUnits;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /api/inventory/flash-allocations/{saleId}}: the order service moves a new flash sale's units
 * out of normal stock. Admin only; idempotent by sale id.
 */
@RestController
class FlashAllocationController {

    private final AllocateFlashUnits allocate;
    private final AdminAccess access;

    FlashAllocationController(AllocateFlashUnits allocate, AdminAccess access) {
        this.allocate = allocate;
        this.access = access;
    }

    /**
     * Moves a flash sale's units out of the product's stock, once per sale (admin token): the order service calls
     * it when it creates the sale.
     */
    @PutMapping("/api/inventory/flash-allocations/{saleId}")
    ResponseEntity<?> allocate(@RequestHeader(value = AdminToken.HEADER, required = false) String token,
                               @PathVariable String saleId, @RequestBody AllocationRequest request) {
        var refusal = access.refusal(token);
        if (refusal.isPresent()) {
            return ResponseEntity.of(refusal.get()).build();
        }
        if (request.productId() == null || request.units() == null || request.units() <= 0) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "productId and a positive number of units are required");
            problem.setTitle("Invalid allocation");
            return ResponseEntity.of(problem).build();
        }
        return allocate.allocate(saleId, request.productId(), request.units())
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> {
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "product "
                            + request.productId() + " has fewer than " + request.units() + " units in stock");
                    problem.setTitle("Not enough stock");
                    return ResponseEntity.of(problem).build();
                });
    }

    record AllocationRequest(Long productId, Integer units) {
    }
}
