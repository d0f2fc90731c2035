/**
 * The order service's shared kernel: the domain values more than one of its features speak in, and nothing
 * else. A flash purchase is an order request: the gate must refuse exactly what ordering refuses, since the
 * purchase is placed later under the same request id, so ordering and flashsale share {@link
 * io.txlab.order.sharedkernel.PlaceOrderCommand} and its {@link io.txlab.order.sharedkernel.InvalidOrderException}.
 * Held to the domain's rules (plain Java); everything else a feature wants of another goes through that
 * feature's application layer (TxLabArchitecture).
 */
package io.txlab.order.sharedkernel;
