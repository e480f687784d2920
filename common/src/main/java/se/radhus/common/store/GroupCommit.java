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

    private final ConcurrentLinkedQueue<Waiting<J>> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final int maxBatch;
    private final int rounds;
    private final Consumer<List<J>> runner;

    /**
     * @param maxBatch the most jobs in one batch
     * @param rounds   the batches one caller runs for others (as long as more are queued) before it returns
     * @param runner   runs a batch: it records each job's outcome in the job; a runtime exception it throws
     *                 is rethrown to every caller of that batch
     */
    public GroupCommit(int maxBatch, int rounds, Consumer<List<J>> runner) {
        if (maxBatch < 1 || rounds < 1) {
            throw new IllegalArgumentException("maxBatch and rounds must be at least 1");
        }
        this.maxBatch = maxBatch;
        this.rounds = rounds;
        this.runner = runner;
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
                LockSupport.parkNanos(this, 2_000_000); // woken when done, or when it is its turn
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
