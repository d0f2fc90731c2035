package io.txlab.inventory.stock.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.txlab.inventory.stock.domain.FlashAllocation;
import io.txlab.inventory.stock.domain.Stock;
import io.txlab.inventory.stock.domain.StockDeduction;
import io.txlab.inventory.stock.domain.StockMovement;
import io.txlab.inventory.stock.domain.StockRepository;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class StockControllerTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new StockController(new OneProduct())).build();

    @Test
    void showsWhatIsAvailable() throws Exception {
        mvc.perform(get("/api/inventory/products/5"))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"productId\":5,\"available\":10}", true));
    }

    @Test
    void answersAnUnknownProductWithAProblem() throws Exception {
        mvc.perform(get("/api/inventory/products/404"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Unknown product"))
                .andExpect(jsonPath("$.productId").value(404))
                .andExpect(jsonPath("$.trace").doesNotExist());
    }

    /** An in-memory port: the web adapter's behaviour does not depend on how stock is stored. */
    private static final class OneProduct implements StockRepository {

        private final Map<Long, Stock> stock = Map.of(5L, new Stock(5, 10, 0));

        @Override
        public Optional<Stock> find(long productId) {
            return Optional.ofNullable(stock.get(productId));
        }

        @Override
        public boolean deduct(long productId, int quantity) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void recordDeductions(List<StockDeduction> deductions) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void release(String orderId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<StockMovement> movementsOf(String orderId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Stock> findAllocation(String saleId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean deductFromSale(String saleId, long productId, int quantity) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<FlashAllocation> allocate(String saleId, long productId, int units) {
            throw new UnsupportedOperationException();
        }
    }
}
