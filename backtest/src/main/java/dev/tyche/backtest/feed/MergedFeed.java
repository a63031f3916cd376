package dev.tyche.backtest.feed;

import dev.tyche.core.market.MarketEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Several feeds merged into one stream by event time.
 *
 * <p><b>Tie-break.</b> Among the feeds' next events, the one taken first has the smallest event
 * time; on equal times, the smallest symbol (lexicographic order of {@code Symbol.value()}); on
 * equal symbols, the feed listed first. Within one feed, events keep the feed's own order. So the
 * order depends only on the data and on the order the feeds were listed in, never on hashing or
 * timing: list a mark-price feed before the funding feed of the same symbol if a funding event
 * should see the mark of the same millisecond. With one feed per instrument, the result is the same
 * whatever order the instruments were listed in.
 *
 * <p>The merge is a k-way selection over the feeds' heads: {@code O(k)} per event, which for the
 * handful of feeds of a backtest is cheaper than a heap.
 *
 * <p>Mutable (the feeds' positions); confined to one thread.
 */
public final class MergedFeed implements HistoricalFeed {
  private final List<HistoricalFeed> feeds;
  private final String name;
  private long lastTime = Long.MIN_VALUE;

  /**
   * Merges feeds.
   *
   * @param feeds the feeds, at least one; their order is the last tie-break
   * @throws IllegalArgumentException if {@code feeds} is empty
   */
  public MergedFeed(List<? extends HistoricalFeed> feeds) {
    Objects.requireNonNull(feeds, "feeds must not be null");
    if (feeds.isEmpty()) {
      throw new IllegalArgumentException("feeds must not be empty");
    }
    List<HistoricalFeed> copy = new ArrayList<>();
    StringBuilder n = new StringBuilder("merged(");
    for (int i = 0; i < feeds.size(); i++) {
      HistoricalFeed f = Objects.requireNonNull(feeds.get(i), "feeds[" + i + "] must not be null");
      copy.add(f);
      n.append(i == 0 ? "" : ", ").append(f.name());
    }
    this.feeds = List.copyOf(copy);
    this.name = n.append(')').toString();
  }

  /**
   * Merges feeds.
   *
   * @param feeds the feeds, at least one
   * @return the merged feed
   */
  public static MergedFeed of(HistoricalFeed... feeds) {
    return new MergedFeed(List.of(feeds));
  }

  private int head() {
    int best = -1;
    long bestTime = Long.MAX_VALUE;
    String bestSymbol = null;
    for (int i = 0; i < feeds.size(); i++) {
      HistoricalFeed f = feeds.get(i);
      if (!f.hasNext()) {
        continue;
      }
      long t = f.peekTime();
      if (best < 0 || t < bestTime) {
        best = i;
        bestTime = t;
        bestSymbol = f.peek().symbol().value();
      } else if (t == bestTime) {
        String s = f.peek().symbol().value();
        // Strictly smaller symbol only: on equal symbols the earlier feed keeps the head.
        if (s.compareTo(bestSymbol) < 0) {
          best = i;
          bestSymbol = s;
        }
      }
    }
    return best;
  }

  @Override
  public boolean hasNext() {
    for (HistoricalFeed f : feeds) {
      if (f.hasNext()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public long peekTime() {
    int h = head();
    return h < 0 ? Long.MAX_VALUE : feeds.get(h).peekTime();
  }

  @Override
  public MarketEvent peek() {
    int h = head();
    if (h < 0) {
      throw new NoSuchElementException("feed " + name + " is exhausted");
    }
    return feeds.get(h).peek();
  }

  /**
   * Consumes the next event of the merge.
   *
   * @return the event
   * @throws IllegalStateException if a member feed went back in time (it broke its contract)
   */
  @Override
  public MarketEvent next() {
    int h = head();
    if (h < 0) {
      throw new NoSuchElementException("feed " + name + " is exhausted");
    }
    MarketEvent e = feeds.get(h).next();
    if (e.eventTime() < lastTime) {
      throw new IllegalStateException(
          "feed "
              + feeds.get(h).name()
              + " went back in time: "
              + e.eventTime()
              + " after "
              + lastTime);
    }
    lastTime = e.eventTime();
    return e;
  }

  @Override
  public String name() {
    return name;
  }
}
