package dev.tyche.backtest.feed;

import dev.tyche.core.market.MarketEvent;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A {@link HistoricalFeed} over a list of already-decoded events, checked at construction: no nulls
 * and event times that never go backwards. Events with equal times keep the list's order.
 *
 * <p>Mutable (read position); confined to one thread.
 */
public final class EventFeed implements HistoricalFeed {
  private final String name;
  private final MarketEvent[] array;
  private final List<MarketEvent> events;
  private int position;

  /**
   * A feed over the given events.
   *
   * @param name a name for messages
   * @param events the events, in non-decreasing event-time order
   * @throws IllegalArgumentException if an event's time is before its predecessor's
   * @throws NullPointerException if the list or an event is null
   */
  public EventFeed(String name, List<? extends MarketEvent> events) {
    this.name = Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(events, "events must not be null");
    // One copy into a private array; messages are built only on failure (a feed may hold
    // millions of events, and building one string per event cost more than the replay's checks).
    MarketEvent[] copy = events.toArray(new MarketEvent[0]);
    long last = Long.MIN_VALUE;
    for (int i = 0; i < copy.length; i++) {
      MarketEvent e = copy[i];
      if (e == null) {
        throw new NullPointerException("events[" + i + "] must not be null");
      }
      if (e.eventTime() < last) {
        throw new IllegalArgumentException(
            "events of feed "
                + name
                + " must be in non-decreasing event-time order but events["
                + i
                + "] has time "
                + e.eventTime()
                + " < "
                + last
                + " of events["
                + (i - 1)
                + "]");
      }
      last = e.eventTime();
    }
    this.array = copy;
    this.events = Collections.unmodifiableList(Arrays.asList(copy));
  }

  /**
   * The number of events in the feed (consumed or not).
   *
   * @return the size
   */
  public int size() {
    return events.size();
  }

  /**
   * All events of the feed, consumed or not.
   *
   * @return an immutable list
   */
  public List<MarketEvent> events() {
    return events;
  }

  @Override
  public boolean hasNext() {
    return position < array.length;
  }

  @Override
  public long peekTime() {
    return position < array.length ? array[position].eventTime() : Long.MAX_VALUE;
  }

  @Override
  public MarketEvent peek() {
    if (!hasNext()) {
      throw new NoSuchElementException("feed " + name + " is exhausted");
    }
    return array[position];
  }

  @Override
  public MarketEvent next() {
    MarketEvent e = peek();
    position++;
    return e;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return "EventFeed[" + name + ", " + events.size() + " events]";
  }
}
