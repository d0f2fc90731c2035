package io.txlab.order.ordering.domain;

public record Product(long productId, String name, long priceCents) {
}
