package se.radhus.common.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A group commit: callers that arrive together hand their jobs to one of them, who runs them as one batch
 * (one store write for many) while the others wait; each caller returns only once the batch that holds its
 * job has run. The embedded store commits every command to its file, so one write for a batch costs about
 * what one write for one job does.
 *
 * <p>This only orders work within one process, to batch it: it is never what keeps data right. What must
 * hold across processes (a replica writing the same document) is the batch's own business, by a guarded
 * write.
 *
 * @param <J> a job; the batch runner records each job's outcome in it
 */
public final class GroupCommit<J> {

    /** The longest a waiting caller sleeps before it looks again by itself (it is woken sooner when it matters). */
    static final long SAFETY_NET_NANOS = 100_000_000;

    private final ConcurrentLinkedQueue<Waiting<J>> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final int maxBatch;
    private final int rounds;
    private final Consumer<List<J>> runner;
    private final long safetyNetNanos;

    /**
     * @param maxBatch the most jobs in one batch
     * @param rounds   the batches one caller runs for others (as long as more are queued) before it returns
     * @param runner   runs a batch: it records each job's outcome in the job; a runtime exception it throws
     *                 is rethrown to every caller of that batch
     */
    public GroupCommit(int maxBatch, int rounds, Consumer<List<J>> runner) {
        this(maxBatch, rounds, runner, SAFETY_NET_NANOS);
    }

    /** As above, with another safety net (a test: one so long that only the wake-ups can end the waits). */
    GroupCommit(int maxBatch, int rounds, Consumer<List<J>> runner, long safetyNetNanos) {
        if (maxBatch < 1 || rounds < 1) {
            throw new IllegalArgumentException("maxBatch and rounds must be at least 1");
        }
        this.maxBatch = maxBatch;
        this.rounds = rounds;
        this.runner = runner;
        this.safetyNetNanos = safetyNetNanos;
    }

    private static final class Waiting<J> {
        final J job;
        final Thread owner;
        volatile boolean done;
        RuntimeException failure;

        Waiting(J job, Thread owner) {
            this.job = job;
            this.owner = owner;
        }
    }

    /** Runs the job in some batch (perhaps one this caller runs) and returns when that batch has run. */
    public void submit(J job) {
        Waiting<J> mine = new Waiting<>(job, Thread.currentThread());
        queue.add(mine);
        while (!mine.done) {
            if (lock.tryLock()) {
                try {
                    for (int round = 0; round < rounds && !queue.isEmpty(); round++) {
                        List<Waiting<J>> batch = new ArrayList<>();
                        for (Waiting<J> next; batch.size() < maxBatch && (next = queue.poll()) != null; ) {
                            batch.add(next);
                        }
                        run(batch);
                    }
                } finally {
                    lock.unlock();
                }
                Waiting<J> head = queue.peek();
                if (head != null) {
                    LockSupport.unpark(head.owner); // its turn to run what is queued
                }
            } else {
                // woken when its batch has run, or when it is first in the queue as the lock is let go (every
                // unlock is followed by a wake-up of the queue's head, and a caller queues before it tries the
                // lock, so no wake-up is lost); the time-out is only a safety net. A short one made every waiting
                // caller wake, fail to take the lock and park again hundreds of times a second.
                LockSupport.parkNanos(this, safetyNetNanos);
            }
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    private void run(List<Waiting<J>> batch) {
        RuntimeException failure = null;
        try {
            runner.accept(batch.stream().map(w -> w.job).toList());
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Waiting<J> w : batch) {
            w.failure = failure;
            w.done = true;
            LockSupport.unpark(w.owner);
        }
    }
}
