package dev.paperdex.indexer;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.AlreadyClosedException;

/**
 * Worker threads that build documents and hand them to an {@link IndexWriter}, which indexes documents from several
 * threads at once. Each paper id always goes to the same lane, and a lane writes in order, so the last write of a
 * paper is the one that stays. The queues are bounded: a caller faster than the lanes waits.
 *
 * <p>The first failure in a lane is rethrown to the caller at its next {@link #write} or {@link #flush()}; nothing
 * more is written after it.
 */
final class WriteLanes implements AutoCloseable {

  /** Tells a lane to stop. */
  private static final Runnable STOP = () -> {};

  private final IndexWriter writer;
  private final List<BlockingQueue<Runnable>> queues = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  WriteLanes(IndexWriter writer, int lanes, int queueLength) {
    this.writer = writer;
    for (int i = 0; i < lanes; i++) {
      BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(queueLength);
      Thread thread = new Thread(() -> run(queue), "paperdex-write-" + i);
      thread.setDaemon(true);
      queues.add(queue);
      threads.add(thread);
      thread.start();
    }
  }

  private void run(BlockingQueue<Runnable> queue) {
    try {
      for (Runnable task = queue.take(); task != STOP; task = queue.take()) {
        try {
          task.run();
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Queues a document for the paper {@code id}: added, or replacing the documents that hold {@code delete} when that
   * is not null.
   */
  void write(String id, Term delete, Supplier<Document> document) throws IOException {
    rethrowFailure();
    put(queues.get(Math.floorMod(id.hashCode(), queues.size())), () -> {
      if (failure.get() != null) {
        return;
      }
      try {
        if (delete == null) {
          writer.addDocument(document.get());
        } else {
          writer.updateDocument(delete, document.get());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * Waits until every queued document is written, then writes the documents buffered in memory to segments, each lane
   * one buffer, at the same time: the writer would otherwise flush all of them on the one thread that opens a reader
   * or commits, while the other cores wait. Rethrows a lane's failure.
   */
  void flush() throws IOException {
    await(() -> {
      if (failure.get() != null) {
        return;
      }
      try {
        writer.flushNextBuffer();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Has every lane run {@code task} after what is queued in it, and waits for them all. */
  private void await(Runnable task) throws IOException {
    CountDownLatch done = new CountDownLatch(queues.size());
    for (BlockingQueue<Runnable> queue : queues) {
      put(queue, () -> {
        try {
          task.run();
        } finally {
          done.countDown();
        }
      });
    }
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing the index");
    }
    rethrowFailure();
  }

  private void rethrowFailure() throws IOException {
    Throwable e = failure.get();
    if (e instanceof AlreadyClosedException && writer.getTragicException() != null) {
      // Another lane's write failed first and closed the writer (a full disk, say): that failure is the one to tell.
      e = writer.getTragicException();
    }
    if (e instanceof UncheckedIOException unchecked) {
      throw unchecked.getCause();
    } else if (e instanceof IOException io) {
      throw io;
    } else if (e instanceof RuntimeException runtime) {
      throw runtime;
    } else if (e instanceof Error error) {
      throw error;
    } else if (e != null) {
      throw new IOException(e);
    }
  }

  private static void put(BlockingQueue<Runnable> queue, Runnable task) throws InterruptedIOException {
    try {
      queue.put(task);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing the index");
    }
  }

  /** Drops what is still queued and stops the lanes, after the documents they are writing now. */
  @Override
  public void close() throws InterruptedIOException {
    for (BlockingQueue<Runnable> queue : queues) {
      queue.clear();
      put(queue, STOP);
    }
    try {
      for (Thread thread : threads) {
        thread.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while stopping the index writers");
    }
  }
}
