package io.txlab.order.ordering.application;

import java.util.List;

import io.txlab.support.tx.CheckBack;
import io.txlab.support.tx.TransactionAudit;
import io.txlab.order.ordering.domain.Order;
import io.txlab.order.ordering.domain.OrderRepository;
import org.springframework.stereotype.Service;

@Service
public class OrderQueries {

    private final OrderRepository orders;
    private final TransactionAudit audit;

    public OrderQueries(OrderRepository orders, TransactionAudit audit) {
        this.orders = orders;
        this.audit = audit;
    }

    public Order order(String orderId) {
        return orders.findById(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
    }

    /** Check-backs are kept for rolled-back transactions too, whose order row never existed. */
    public List<CheckBack> checkBacks(String orderId) {
        return audit.checkBacksOf(orderId);
    }
}
