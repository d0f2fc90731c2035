package io.txlab.support.consume;

import java.util.List;

import io.txlab.support.lock.ContentionLocks;

/** The contention cut around a consumption: the locks of its orders, all or none ({@link ContentionLocks}). */
@FunctionalInterface
interface OrderLocks {

    ContentionLocks.Held acquire(String consumer, List<String> orderIds);
}
