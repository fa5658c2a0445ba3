package dev.paperdex.indexer.harvest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when the harvester waits, and remembers every wait, so tests never really wait. */
public final class FakeClock implements HarvestClock {

  private Instant now;
  private final List<Duration> sleeps = new ArrayList<>();

  public FakeClock(Instant start) {
    this.now = start;
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    now = now.plus(duration);
  }

  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
