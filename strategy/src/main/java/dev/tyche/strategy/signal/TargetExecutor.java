package dev.tyche.strategy.signal;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.ContractType;
import dev.tyche.core.instrument.GridRounding;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.order.TimeInForce;
import dev.tyche.core.strategy.StrategyContext;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a target exposure into at most one order through a {@link StrategyContext}.
 *
 * <p><b>Rules</b>, applied by {@link #rebalance} in this order:
 *
 * <ol>
 *   <li>If an order this executor sent for the instrument is still working, send nothing: a market
 *       order's outcome is awaited; a limit order is cancelled (once) and re-priced at the next
 *       decision after its terminal event. The portfolio's position does not yet include a working
 *       order, so sending another would overshoot the target.
 *   <li>A spot instrument cannot be sold short: a negative target becomes zero.
 *   <li>Target quantity {@code q* = exposure * capitalFraction * equity / price} (see {@link
 *       ExecutionSettings}); equity at or below zero makes the target zero.
 *   <li>The order is {@code q* - netQuantity}, its size rounded DOWN to the step grid (never more
 *       than asked) and capped at the instrument's maximum quantity.
 *   <li>Skipped if the rounded size is zero, below the minimum quantity, its notional at {@code
 *       price} below the minimum notional, or (unless the target is zero) its notional below {@code
 *       rebalanceTolerance * capitalFraction * equity}.
 *   <li>Market order, or a GTC limit order {@code limitOffsetTicks} ticks below (buy, rounded down)
 *       or above (sell, rounded up) {@code price}.
 * </ol>
 *
 * <p>Mutable; confined to the engine thread.
 */
public final class TargetExecutor {

  private final ExecutionSettings settings;
  private final Map<Symbol, ClientOrderId> working = new LinkedHashMap<>();
  private final Set<ClientOrderId> cancelRequested = new HashSet<>();

  /**
   * Creates an executor.
   *
   * @param settings how to size and send orders
   */
  public TargetExecutor(ExecutionSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings must not be null");
  }

  /**
   * The settings.
   *
   * @return the settings
   */
  public ExecutionSettings settings() {
    return settings;
  }

  /**
   * The order this executor has working in an instrument, if any.
   *
   * @param symbol the instrument
   * @return its client order id
   */
  public Optional<ClientOrderId> workingOrder(Symbol symbol) {
    return Optional.ofNullable(working.get(symbol));
  }

  /**
   * Moves the position in {@code symbol} toward {@code exposure} (see the class rules).
   *
   * @param context the strategy's context
   * @param symbol the instrument
   * @param exposure the target exposure, finite (normally in {@code [-1, 1]})
   * @param price the reference price in quote units per base unit, finite and {@code > 0}
   * @return the order sent, or empty if none was
   * @throws IllegalArgumentException if {@code exposure} or {@code price} is invalid
   * @throws IllegalStateException if the engine does not know the instrument
   */
  public Optional<SubmitOrder> rebalance(
      StrategyContext context, Symbol symbol, double exposure, double price) {
    Objects.requireNonNull(context, "context must not be null");
    Objects.requireNonNull(symbol, "symbol must not be null");
    if (!Double.isFinite(exposure)) {
      throw new IllegalArgumentException("exposure must be finite but was " + exposure);
    }
    if (!(price > 0.0 && price < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("price must be finite and > 0 but was " + price);
    }
    Instrument instrument =
        context
            .instrument(symbol)
            .orElseThrow(() -> new IllegalStateException("the engine does not trade " + symbol));
    ClientOrderId pending = working.get(symbol);
    if (pending != null) {
      if (settings.style() == OrderStyle.LIMIT && cancelRequested.add(pending)) {
        context.cancel(pending, symbol);
      }
      return Optional.empty();
    }
    double target = exposure;
    if (instrument.contractType() == ContractType.SPOT && target < 0.0) {
      target = 0.0;
    }
    double equity = context.portfolio().equity(instrument.marginAsset()).toDouble();
    double capital = equity > 0.0 ? settings.capitalFraction() * equity : 0.0;
    if (capital == 0.0) {
      target = 0.0;
    }
    double targetQuantity = target * capital / price;
    double current = context.portfolio().netQuantity(symbol).toDouble();
    double difference = targetQuantity - current;
    if (difference == 0.0) {
      return Optional.empty();
    }
    Side side = difference > 0.0 ? Side.BUY : Side.SELL;
    Quantity quantity = instrument.roundQuantity(Math.abs(difference), GridRounding.DOWN);
    quantity = quantity.min(instrument.maxQuantity());
    if (quantity.isZero() || quantity.compareTo(instrument.minQuantity()) < 0) {
      return Optional.empty();
    }
    double notional = quantity.toDouble() * price;
    if (notional < instrument.minNotional().toDouble()) {
      return Optional.empty();
    }
    if (target != 0.0 && notional < settings.rebalanceTolerance() * capital) {
      return Optional.empty();
    }
    ClientOrderId id = context.nextClientOrderId();
    SubmitOrder order;
    if (settings.style() == OrderStyle.MARKET) {
      order = SubmitOrder.market(id, symbol, side, quantity);
    } else {
      Optional<Price> limit = limitPrice(instrument, side, price);
      if (limit.isEmpty()) {
        return Optional.empty();
      }
      order = SubmitOrder.limit(id, symbol, side, quantity, limit.get(), TimeInForce.GTC);
    }
    context.submit(order);
    working.put(symbol, id);
    return Optional.of(order);
  }

  private Optional<Price> limitPrice(Instrument instrument, Side side, double price) {
    double offset = settings.limitOffsetTicks() * instrument.tickSize().toDouble();
    double raw = side == Side.BUY ? price - offset : price + offset;
    // A buy rounded down and a sell rounded up never pay more than asked.
    GridRounding rounding = side == Side.BUY ? GridRounding.DOWN : GridRounding.UP;
    if (!(raw >= instrument.tickSize().toDouble())) {
      return Optional.empty(); // the offset would push the price to zero or below
    }
    return Optional.of(instrument.roundPrice(raw, rounding));
  }

  /**
   * Forgets an order once it is terminal (filled, cancelled, rejected, denied, expired), so the
   * next decision may trade again. Events of orders this executor did not send are ignored.
   *
   * @param event an order event of this strategy
   */
  public void onOrderEvent(OrderEvent event) {
    Objects.requireNonNull(event, "event must not be null");
    if (event.isTerminal() && event.clientOrderId().equals(working.get(event.symbol()))) {
      working.remove(event.symbol());
      cancelRequested.remove(event.clientOrderId());
    }
  }
}
