package dev.tyche.strategy.testing;

import dev.tyche.core.account.AccountSnapshot;
import dev.tyche.core.account.PositionMode;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.id.VenueOrderId;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Execution;
import dev.tyche.core.order.Liquidity;
import dev.tyche.core.order.OrderCancelled;
import dev.tyche.core.order.OrderFilled;
import dev.tyche.core.order.OrderType;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.port.Subscription;
import dev.tyche.core.strategy.PortfolioView;
import dev.tyche.core.strategy.Strategy;
import dev.tyche.core.strategy.StrategyContext;
import dev.tyche.core.strategy.StrategyId;
import dev.tyche.core.strategy.TimerId;
import dev.tyche.core.time.Clock;
import dev.tyche.core.time.SimulatedClock;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small fake of the engine side of the strategy SPI for tests: it records every order, cancel,
 * subscription and timer, keeps a settable equity and per-symbol position, and can fill the working
 * market orders at a given price (updating the position and delivering {@code OrderFilled}), or
 * acknowledge requested cancels. Nothing happens inside {@link #submit}: as in the engine, outcomes
 * arrive later, when the test calls {@link #fillMarketOrders} or {@link #confirmCancels}.
 *
 * <p>Mutable; confined to one thread.
 */
public final class FakeStrategyContext implements StrategyContext {

  private final StrategyId strategyId;
  private final SimulatedClock clock;
  private final Map<Symbol, Instrument> instruments = new LinkedHashMap<>();
  private final Map<Symbol, Decimal> positions = new HashMap<>();
  private final List<SubmitOrder> submitted = new ArrayList<>();
  private final List<SubmitOrder> working = new ArrayList<>();
  private final List<ClientOrderId> cancels = new ArrayList<>();
  private final List<Subscription> subscriptions = new ArrayList<>();
  private final List<String> timers = new ArrayList<>();
  private Money equity;
  private long nextOrder = 1;
  private long nextTimer = 1;
  private long nextTrade = 1;

  /**
   * Creates the fake.
   *
   * @param strategyId the strategy's id
   * @param startMillis the clock's start
   * @param equity the equity reported for the instruments' margin asset
   * @param instruments the instruments the fake engine trades
   */
  public FakeStrategyContext(
      StrategyId strategyId, long startMillis, Money equity, Instrument... instruments) {
    this.strategyId = strategyId;
    this.clock = SimulatedClock.startingAt(startMillis);
    this.equity = equity;
    for (Instrument i : instruments) {
      this.instruments.put(i.symbol(), i);
    }
  }

  @Override
  public StrategyId strategyId() {
    return strategyId;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  /**
   * Moves the fake clock (never backwards).
   *
   * @param millis the new time
   */
  public void advanceTo(long millis) {
    clock.advanceTo(millis);
  }

  @Override
  public Optional<Instrument> instrument(Symbol symbol) {
    return Optional.ofNullable(instruments.get(symbol));
  }

  @Override
  public ClientOrderId nextClientOrderId() {
    return ClientOrderId.of(strategyId.value() + "-" + nextOrder++);
  }

  @Override
  public void submit(SubmitOrder order) {
    submitted.add(order);
    working.add(order);
  }

  @Override
  public void cancel(ClientOrderId clientOrderId, Symbol symbol) {
    cancels.add(clientOrderId);
  }

  @Override
  public TimerId scheduleAt(long timeMillis, String tag) {
    timers.add(tag + "@" + timeMillis);
    return new TimerId(nextTimer++);
  }

  @Override
  public void cancelTimer(TimerId timerId) {
    timers.add("cancel " + timerId.value());
  }

  @Override
  public void subscribe(Subscription subscription) {
    subscriptions.add(subscription);
  }

  @Override
  public PortfolioView portfolio() {
    return new PortfolioView() {
      @Override
      public AccountSnapshot account() {
        return new AccountSnapshot(
            PositionMode.ONE_WAY,
            Map.of(equity.asset(), equity),
            List.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            0);
      }

      @Override
      public Decimal netQuantity(Symbol symbol) {
        return position(symbol);
      }

      @Override
      public Money equity(Asset asset) {
        return asset.equals(equity.asset()) ? equity : Money.zero(asset, 2);
      }

      @Override
      public int openOrderCount(Symbol symbol) {
        return (int) working.stream().filter(o -> o.symbol().equals(symbol)).count();
      }
    };
  }

  /**
   * The position the fake portfolio reports.
   *
   * @param symbol the instrument
   * @return the signed net quantity, zero if never set
   */
  public Decimal position(Symbol symbol) {
    return positions.getOrDefault(symbol, Decimal.ZERO);
  }

  /**
   * Sets the position the fake portfolio reports.
   *
   * @param symbol the instrument
   * @param quantity the signed net quantity
   */
  public void setPosition(Symbol symbol, Decimal quantity) {
    positions.put(symbol, quantity);
  }

  /**
   * Sets the equity the fake portfolio reports.
   *
   * @param newEquity the equity
   */
  public void setEquity(Money newEquity) {
    this.equity = newEquity;
  }

  /**
   * Fills every working market order of {@code symbol} in full at {@code price}: the position
   * changes by the signed quantity and the strategy receives {@code OrderFilled}.
   *
   * @param strategy the strategy to notify
   * @param symbol the instrument
   * @param price the fill price
   * @return the number of orders filled
   */
  public int fillMarketOrders(Strategy strategy, Symbol symbol, double price) {
    List<SubmitOrder> toFill = new ArrayList<>();
    for (SubmitOrder o : working) {
      if (o.symbol().equals(symbol) && o.type() == OrderType.MARKET) {
        toFill.add(o);
      }
    }
    for (SubmitOrder o : toFill) {
      working.remove(o);
      Quantity q = o.quantity();
      Decimal signed = Decimal.of(o.side().sign() * q.units(), q.scale());
      setPosition(symbol, position(symbol).plus(signed));
      Execution ex =
          new Execution(
              VenueOrderId.of("v" + o.clientOrderId().value()),
              TradeId.of("t" + nextTrade++),
              o.side(),
              Price.fromDouble(price, 2, RoundingMode.HALF_EVEN),
              q,
              q,
              Quantity.zero(q.scale()),
              Money.zero(equity.asset(), 2),
              Liquidity.TAKER);
      strategy.onOrderEvent(
          new OrderFilled(o.clientOrderId(), symbol, clock.currentTimeMillis(), ex));
    }
    return toFill.size();
  }

  /**
   * Confirms every requested cancel: the order leaves the working list and the strategy receives
   * {@code OrderCancelled}.
   *
   * @param strategy the strategy to notify
   */
  public void confirmCancels(Strategy strategy) {
    for (ClientOrderId id : new ArrayList<>(cancels)) {
      Optional<SubmitOrder> order =
          working.stream().filter(o -> o.clientOrderId().equals(id)).findFirst();
      if (order.isPresent()) {
        working.remove(order.get());
        strategy.onOrderEvent(
            new OrderCancelled(
                id,
                order.get().symbol(),
                clock.currentTimeMillis(),
                Quantity.zero(order.get().quantity().scale())));
      }
    }
  }

  /**
   * Every order submitted so far, in order.
   *
   * @return the orders
   */
  public List<SubmitOrder> submitted() {
    return List.copyOf(submitted);
  }

  /**
   * Orders submitted and not yet filled or cancelled.
   *
   * @return the working orders
   */
  public List<SubmitOrder> working() {
    return List.copyOf(working);
  }

  /**
   * Every cancel requested so far.
   *
   * @return the client order ids
   */
  public List<ClientOrderId> cancels() {
    return List.copyOf(cancels);
  }

  /**
   * Every subscription requested so far.
   *
   * @return the subscriptions
   */
  public List<Subscription> subscriptions() {
    return List.copyOf(subscriptions);
  }

  /**
   * Every timer set or cancelled, as text.
   *
   * @return the timer log
   */
  public List<String> timers() {
    return List.copyOf(timers);
  }
}
