package io.txlab.support.messaging;

import java.util.ArrayList;
import java.util.List;

import org.apache.rocketmq.common.message.MessageExt;

/** A {@link SendBack} that keeps what it was given, or refuses everything like a broker that is down. */
final class RecordingSendBack implements SendBack {

    final List<MessageExt> retried = new ArrayList<>();
    final List<MessageExt> parked = new ArrayList<>();
    private final boolean brokerDown;

    private RecordingSendBack(boolean brokerDown) {
        this.brokerDown = brokerDown;
    }

    static RecordingSendBack working() {
        return new RecordingSendBack(false);
    }

    static RecordingSendBack brokerDown() {
        return new RecordingSendBack(true);
    }

    @Override
    public void retry(MessageExt message) {
        refuseIfDown(message);
        retried.add(message);
    }

    @Override
    public void park(MessageExt message) {
        refuseIfDown(message);
        parked.add(message);
    }

    private void refuseIfDown(MessageExt message) {
        if (brokerDown) {
            throw new IllegalStateException("could not send " + message.getMsgId() + " back: broker down");
        }
    }
}
