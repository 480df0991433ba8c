package org.milkbottle.core.internal.store;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Component;

/**
 * The lock every change of MilkBottle's state is made under: the plugin manager's transactions and recovery, and a
 * backup, which so copies the state between two transactions, never in the middle of one.
 */
@Component(service = StateLock.class)
public class StateLock {

    private final ReentrantLock lock = new ReentrantLock();

    public void lock() {
        lock.lock();
    }

    public void unlock() {
        lock.unlock();
    }

    /** Runs {@code work} holding the lock. */
    public <T> T holding(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
