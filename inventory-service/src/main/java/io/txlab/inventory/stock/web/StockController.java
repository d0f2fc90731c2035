package io.txlab.inventory.stock.web;

import io.txlab.inventory.stock.domain.StockRepository;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/inventory/products")
class StockController {

    private final StockRepository stocks;

    StockController(StockRepository stocks) {
        this.stocks = stocks;
    }

    /**
     * Reads a product's available stock. 404 problem for an unknown product.
     */
    @GetMapping("/{productId}")
    ResponseEntity<StockView> stock(@PathVariable long productId) {
        return stocks.find(productId)
                .map(stock -> ResponseEntity.ok(new StockView(stock.productId(), stock.available())))
                .orElseGet(() -> ResponseEntity.of(unknownProduct(productId)).build());
    }

    private static ProblemDetail unknownProduct(long productId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no stock for product " + productId);
        problem.setTitle("Unknown product");
        problem.setProperty("productId", productId);
        return problem;
    }

    record StockView(long productId, int available) {
    }
}
