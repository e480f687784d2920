package se.radhus.common.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    /** A job that knows whether (and how often) it ran. */
    static final class Job {
        final int n;
        final AtomicInteger runs = new AtomicInteger();

        Job(int n) {
            this.n = n;
        }
    }

    @Test
    void everyJobRunsExactlyOnceBeforeItsCallerReturnsAndBatchesStayWithinTheirSize() throws Exception {
        List<Integer> sizes = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.Set<Integer> seen = ConcurrentHashMap.newKeySet();
        GroupCommit<Job> commit = new GroupCommit<>(8, 3, batch -> {
            sizes.add(batch.size());
            batch.forEach(j -> {
                j.runs.incrementAndGet();
                seen.add(j.n);
            });
        });
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<Job>> calls = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Job j = new Job(i);
            calls.add(pool.submit(() -> {
                commit.submit(j);
                assertEquals(1, j.runs.get(), "ran before submit returned");
                return j;
            }));
        }
        for (Future<Job> f : calls) {
            assertEquals(1, f.get().runs.get());
        }
        pool.shutdown();
        assertEquals(2_000, seen.size());
        assertEquals(2_000, sizes.stream().mapToInt(Integer::intValue).sum(), "no job in two batches");
        assertTrue(sizes.stream().allMatch(s -> s >= 1 && s <= 8), "batches of 1 to 8: " + sizes);
    }

    @Test
    void everyCallerIsWokenWithoutItsTimeOut() {
        // a safety net of an hour: if a wake-up were lost, a caller would sleep until it (and the test time out)
        AtomicInteger ran = new AtomicInteger();
        GroupCommit<Job> commit = new GroupCommit<>(4, 2, batch -> {
            batch.forEach(j -> j.runs.incrementAndGet());
            ran.addAndGet(batch.size());
            Thread.yield();
        }, java.util.concurrent.TimeUnit.HOURS.toNanos(1));
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(2), () -> {
            ExecutorService pool = Executors.newFixedThreadPool(48);
            List<Future<Job>> calls = new ArrayList<>();
            for (int i = 0; i < 6_000; i++) {
                Job j = new Job(i);
                calls.add(pool.submit(() -> {
                    commit.submit(j);
                    return j;
                }));
            }
            for (Future<Job> f : calls) {
                assertEquals(1, f.get().runs.get());
            }
            pool.shutdownNow();
        }, "a caller was not woken");
        assertEquals(6_000, ran.get());
    }

    @Test
    void aFailingBatchFailsItsCallersAndTheNextBatchRuns() {
        IllegalStateException boom = new IllegalStateException("store down");
        GroupCommit<Job> commit = new GroupCommit<>(8, 1, batch -> {
            if (batch.stream().anyMatch(j -> j.n < 0)) {
                throw boom;
            }
            batch.forEach(j -> j.runs.incrementAndGet());
        });
        assertSame(boom, assertThrows(IllegalStateException.class, () -> commit.submit(new Job(-1))));
        Job next = new Job(1);
        commit.submit(next);
        assertEquals(1, next.runs.get());
    }

    @Test
    void itRefusesAnEmptyBatchSize() {
        assertThrows(IllegalArgumentException.class, () -> new GroupCommit<Job>(0, 1, b -> { }));
        assertThrows(IllegalArgumentException.class, () -> new GroupCommit<Job>(1, 0, b -> { }));
    }
}
