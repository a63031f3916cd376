package dev.tyche.backtest.feed;

import dev.tyche.core.market.MarketEvent;
import java.util.ArrayList;
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
    List<MarketEvent> copy = new ArrayList<>(events.size());
    long last = Long.MIN_VALUE;
    for (int i = 0; i < events.size(); i++) {
      MarketEvent e = Objects.requireNonNull(events.get(i), "events[" + i + "] must not be null");
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
      copy.add(e);
    }
    this.events = List.copyOf(copy);
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
    return position < events.size();
  }

  @Override
  public long peekTime() {
    return hasNext() ? events.get(position).eventTime() : Long.MAX_VALUE;
  }

  @Override
  public MarketEvent peek() {
    if (!hasNext()) {
      throw new NoSuchElementException("feed " + name + " is exhausted");
    }
    return events.get(position);
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
