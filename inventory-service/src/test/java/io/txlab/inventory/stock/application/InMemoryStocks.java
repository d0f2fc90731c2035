package io.txlab.inventory.stock.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.txlab.inventory.stock.domain.FlashAllocation;
import io.txlab.inventory.stock.domain.Stock;
import io.txlab.inventory.stock.domain.StockDeduction;
import io.txlab.inventory.stock.domain.StockMovement;
import io.txlab.inventory.stock.domain.StockRepository;

/** The stock, flash allocation and stock_movement tables in memory, with the repository's conditional writes. */
final class InMemoryStocks implements StockRepository {

    private record Movement(StockMovement movement, String saleId) {
    }

    private final Map<Long, Integer> available = new HashMap<>();
    private final Map<String, FlashAllocation> allocations = new HashMap<>();
    private final List<Movement> movements = new ArrayList<>();
    private final List<List<StockDeduction>> recorded = new ArrayList<>();

    void stock(long productId, int units) {
        available.put(productId, units);
    }

    int available(long productId) {
        return available.get(productId);
    }

    void saleOf(String saleId, long productId, int units) {
        allocations.put(saleId, new FlashAllocation(saleId, productId, units, units));
    }

    int remaining(String saleId) {
        return allocations.get(saleId).remaining();
    }

    @Override
    public Optional<Stock> find(long productId) {
        return Optional.ofNullable(available.get(productId)).map(units -> new Stock(productId, units, 0));
    }

    @Override
    public boolean deduct(long productId, int quantity) {
        Integer units = available.get(productId);
        if (units == null || units < quantity) {
            return false;
        }
        available.put(productId, units - quantity);
        return true;
    }

    /** All or nothing, as the one INSERT: a second deduction of an order fails on the unique key. */
    @Override
    public void recordDeductions(List<StockDeduction> deductions) {
        recorded.add(List.copyOf(deductions));
        List<String> orderIds = deductions.stream().map(StockDeduction::orderId).toList();
        if (orderIds.stream().distinct().count() < orderIds.size() || movements.stream().anyMatch(m ->
                orderIds.contains(m.movement().orderId()) && m.movement().kind() == StockMovement.Kind.DEDUCT)) {
            throw new IllegalStateException("orders " + orderIds + " hold a deduction already (unique key)");
        }
        deductions.forEach(d -> record(d.orderId(), d.productId(), d.saleId(), d.quantity(),
                StockMovement.Kind.DEDUCT));
    }

    /** What each call of {@link #recordDeductions} was given, in calling order. */
    List<List<StockDeduction>> recorded() {
        return List.copyOf(recorded);
    }

    @Override
    public void release(String orderId) {
        Movement deduction = movements.stream()
                .filter(m -> m.movement().orderId().equals(orderId) && m.movement().kind() == StockMovement.Kind.DEDUCT)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("order " + orderId + " has no deduction to release"));
        if (movements.stream().anyMatch(m -> m.movement().orderId().equals(orderId)
                && m.movement().kind() == StockMovement.Kind.RELEASE)) {
            throw new IllegalStateException("order " + orderId + " was released already (unique key)");
        }
        StockMovement deducted = deduction.movement();
        record(orderId, deducted.productId(), deduction.saleId(), deducted.quantity(), StockMovement.Kind.RELEASE);
        if (deduction.saleId() == null) {
            available.merge(deducted.productId(), deducted.quantity(), Integer::sum);
        } else {
            FlashAllocation sale = allocations.get(deduction.saleId());
            allocations.put(sale.saleId(), new FlashAllocation(sale.saleId(), sale.productId(), sale.units(),
                    sale.remaining() + deducted.quantity()));
        }
    }

    @Override
    public List<StockMovement> movementsOf(String orderId) {
        return movements.stream().map(Movement::movement).filter(m -> m.orderId().equals(orderId)).toList();
    }

    @Override
    public Optional<Stock> findAllocation(String saleId) {
        return Optional.ofNullable(allocations.get(saleId))
                .map(sale -> new Stock(sale.productId(), sale.remaining(), 0));
    }

    @Override
    public boolean deductFromSale(String saleId, long productId, int quantity) {
        FlashAllocation sale = allocations.get(saleId);
        if (sale == null || sale.productId() != productId || sale.remaining() < quantity) {
            return false;
        }
        allocations.put(saleId, new FlashAllocation(saleId, productId, sale.units(), sale.remaining() - quantity));
        return true;
    }

    @Override
    public Optional<FlashAllocation> allocate(String saleId, long productId, int units) {
        throw new UnsupportedOperationException("not a participant's use case");
    }

    private void record(String orderId, long productId, String saleId, int quantity, StockMovement.Kind kind) {
        movements.add(new Movement(new StockMovement(orderId, productId, quantity, kind, Instant.EPOCH), saleId));
    }
}
