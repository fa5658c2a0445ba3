package dev.paperdex.indexer.harvest;

import java.time.Duration;
import java.time.Instant;

/** The time and the waiting a harvester does; tests pass one that does not really wait. */
public interface HarvestClock {

  /** The current time. */
  Instant now();

  /** Waits for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;

  /** The system clock, waiting with {@link Thread#sleep(Duration)}. */
  static HarvestClock system() {
    return new HarvestClock() {
      @Override
      public Instant now() {
        return Instant.now();
      }

      @Override
      public void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration);
      }
    };
  }
}
