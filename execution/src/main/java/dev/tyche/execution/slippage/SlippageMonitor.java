package dev.tyche.execution.slippage;

import dev.tyche.core.order.Side;
import dev.tyche.core.stats.RollingWindow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * Tracks realised slippage against the arrival price, per (parent) order and over a rolling window
 * of finished orders, and raises {@link SlippageEvent}s when the {@link SlippageThresholds} are
 * crossed.
 *
 * <p>Per order: {@link #open} records the side and the arrival price (the benchmark); every {@link
 * #onFill} updates the quantity-weighted average fill price and the order's slippage {@link
 * Slippage#bps}. The order's level is latched: it only rises, so an order that reached the hard
 * limit stays halted ({@link #isHalted}) even if later fills improve its average. {@link #close}
 * moves the order's final slippage into the rolling window of the last {@code window} finished
 * orders (orders without fills are not counted); the window's mean raises events under the id
 * {@link #ROLLING} each time its level rises above the level of the previous mean.
 *
 * <p>Mutable; confined to the engine thread.
 */
public final class SlippageMonitor {

  /** The order id of events about the rolling window. */
  public static final String ROLLING = "rolling";

  private final SlippageThresholds thresholds;
  private final RollingWindow window;
  private final Consumer<SlippageEvent> listener;
  private final Map<String, Entry> orders = new LinkedHashMap<>();
  private final List<SlippageEvent> events = new ArrayList<>();
  private SlippageLevel rollingLevel = SlippageLevel.OK;

  /**
   * A monitor.
   *
   * @param thresholds the alert and hard-limit levels
   * @param window how many finished orders the rolling mean covers, {@code >= 1}
   * @param listener receives every event as it is raised
   */
  public SlippageMonitor(
      SlippageThresholds thresholds, int window, Consumer<SlippageEvent> listener) {
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds must not be null");
    if (window < 1) {
      throw new IllegalArgumentException("window must be >= 1 but was " + window);
    }
    this.window = new RollingWindow(window);
    this.listener = Objects.requireNonNull(listener, "listener must not be null");
  }

  /**
   * A monitor with a window of 20 orders that only records its events.
   *
   * @param thresholds the alert and hard-limit levels
   */
  public SlippageMonitor(SlippageThresholds thresholds) {
    this(thresholds, 20, e -> {});
  }

  /**
   * The thresholds.
   *
   * @return the thresholds
   */
  public SlippageThresholds thresholds() {
    return thresholds;
  }

  /**
   * Starts tracking an order against its arrival price.
   *
   * @param orderId the order's id, not yet open in this monitor
   * @param side its side
   * @param arrivalPrice the benchmark, finite and {@code > 0}
   * @throws IllegalArgumentException if the id is already open or the price is not positive
   */
  public void open(String orderId, Side side, double arrivalPrice) {
    Objects.requireNonNull(orderId, "orderId must not be null");
    Objects.requireNonNull(side, "side must not be null");
    Slippage.requirePositive("arrivalPrice", arrivalPrice);
    if (orders.containsKey(orderId)) {
      throw new IllegalArgumentException("orderId " + orderId + " is already open");
    }
    orders.put(orderId, new Entry(side, arrivalPrice));
  }

  /**
   * Records a fill and returns the order's (latched) level.
   *
   * @param orderId an open order
   * @param eventTime when, UTC epoch milliseconds
   * @param price the fill price, finite and {@code > 0}
   * @param quantity the fill quantity, finite and {@code > 0}
   * @return the order's level after this fill
   * @throws IllegalArgumentException if the order is not open or a number is invalid
   */
  public SlippageLevel onFill(String orderId, long eventTime, double price, double quantity) {
    Entry e = entry(orderId);
    Slippage.requirePositive("price", price);
    Slippage.requirePositive("quantity", quantity);
    e.quantity += quantity;
    e.notional += price * quantity;
    double s = Slippage.bps(e.side, e.arrival, e.notional / e.quantity);
    SlippageLevel now = thresholds.levelOf(s);
    if (now.compareTo(e.level) > 0) {
      e.level = now;
      raise(orderId, eventTime, now, s);
    }
    return e.level;
  }

  /**
   * The order's slippage so far.
   *
   * @param orderId an open or closed order
   * @return basis points (positive = cost), or empty before its first fill
   */
  public OptionalDouble slippageBps(String orderId) {
    Entry e = entry(orderId);
    return e.quantity == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of(Slippage.bps(e.side, e.arrival, e.notional / e.quantity));
  }

  /**
   * The highest level the order has reached.
   *
   * @param orderId an open or closed order
   * @return the latched level
   */
  public SlippageLevel level(String orderId) {
    return entry(orderId).level;
  }

  /**
   * Whether the order reached the hard limit: it must send no further children.
   *
   * @param orderId an open or closed order
   * @return true once the hard limit was reached
   */
  public boolean isHalted(String orderId) {
    return entry(orderId).level == SlippageLevel.HARD_LIMIT;
  }

  /**
   * Finishes an order: its final slippage (if it filled at all) enters the rolling window. Closing
   * twice does nothing the second time.
   *
   * @param orderId an open order
   * @param eventTime when, UTC epoch milliseconds
   * @return the order's final slippage, or empty if it never filled
   */
  public OptionalDouble close(String orderId, long eventTime) {
    Entry e = entry(orderId);
    OptionalDouble s = slippageBps(orderId);
    if (e.closed || s.isEmpty()) {
      e.closed = true;
      return s;
    }
    e.closed = true;
    window.add(s.getAsDouble());
    double mean = window.mean();
    SlippageLevel level = thresholds.levelOf(mean);
    if (level.compareTo(rollingLevel) > 0) {
      raise(ROLLING, eventTime, level, mean);
    }
    rollingLevel = level;
    return s;
  }

  /**
   * The mean slippage of the last finished orders (up to the window size).
   *
   * @return basis points, or empty before the first finished order with fills
   */
  public OptionalDouble rollingMeanBps() {
    return window.size() == 0 ? OptionalDouble.empty() : OptionalDouble.of(window.mean());
  }

  /**
   * Every event raised so far, in order.
   *
   * @return an unmodifiable copy
   */
  public List<SlippageEvent> events() {
    return List.copyOf(events);
  }

  private void raise(String orderId, long time, SlippageLevel level, double s) {
    double threshold =
        level == SlippageLevel.HARD_LIMIT ? thresholds.hardLimitBps() : thresholds.alertBps();
    SlippageEvent ev = new SlippageEvent(orderId, time, level, s, threshold);
    events.add(ev);
    listener.accept(ev);
  }

  private Entry entry(String orderId) {
    Objects.requireNonNull(orderId, "orderId must not be null");
    Entry e = orders.get(orderId);
    if (e == null) {
      throw new IllegalArgumentException("orderId " + orderId + " was never opened");
    }
    return e;
  }

  /** One order's running totals. */
  private static final class Entry {
    final Side side;
    final double arrival;
    double quantity;
    double notional;
    SlippageLevel level = SlippageLevel.OK;
    boolean closed;

    Entry(Side side, double arrival) {
      this.side = side;
      this.arrival = arrival;
    }
  }
}
