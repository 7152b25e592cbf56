package dev.baton.server.stream;

import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One connected client: the frames waiting for it (bounded) and what its HTTP thread is doing.
 * The dispatcher offers frames and never waits; a client whose queue is full is marked overflowed
 * and gets nothing more.
 */
final class Subscriber {

  private final ArrayBlockingQueue<Frame> queue;
  private final Thread thread = Thread.currentThread();
  private volatile boolean overflowed;
  private volatile boolean closed;
  /** {@link System#nanoTime()} when the current write to the socket began; 0 while not writing. */
  private volatile long writingSince;

  Subscriber(int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /**
   * Dispatcher thread: queues a frame, or marks the client overflowed when its queue is full.
   * Returns true when this frame overflowed it.
   */
  boolean offer(Frame frame) {
    if (overflowed || closed) {
      return false;
    }
    if (!queue.offer(frame)) {
      overflowed = true;
      queue.clear();
      return true;
    }
    return false;
  }

  Frame poll(long millis) throws InterruptedException {
    return queue.poll(millis, TimeUnit.MILLISECONDS);
  }

  void drainTo(Collection<Frame> into) {
    queue.drainTo(into);
  }

  boolean overflowed() {
    return overflowed;
  }

  boolean closed() {
    return closed;
  }

  /** Ends the stream: its thread notices within one poll. */
  void close() {
    closed = true;
  }

  void writing(boolean now) {
    writingSince = now ? Math.max(1, System.nanoTime()) : 0;
  }

  /**
   * Cuts a client whose socket write has blocked longer than {@code stallNanos} (it stopped
   * reading): interrupting a thread blocked on a socket channel closes the channel, which frees
   * the thread. Returns whether it did.
   */
  boolean cutIfStalled(long stallNanos) {
    long since = writingSince;
    if (since != 0 && System.nanoTime() - since > stallNanos && !closed) {
      closed = true;
      thread.interrupt();
      return true;
    }
    return false;
  }
}
