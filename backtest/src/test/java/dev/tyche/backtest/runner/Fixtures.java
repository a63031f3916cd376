package dev.tyche.backtest.runner;

import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.FundingRate;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.port.Subscription;
import dev.tyche.core.strategy.Strategy;
import dev.tyche.core.strategy.StrategyContext;
import dev.tyche.core.strategy.StrategyId;
import dev.tyche.core.time.BarInterval;
import dev.tyche.execution.sim.FillModel;
import dev.tyche.execution.sim.SimulatedVenueConfig;
import dev.tyche.strategy.signal.ExecutionSettings;
import dev.tyche.strategy.signal.SignalStrategy;
import dev.tyche.strategy.trend.MovingAverageType;
import dev.tyche.strategy.trend.TrendFollowingParameters;
import dev.tyche.strategy.trend.TrendFollowingSignal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** Synthetic data and small strategies for runner tests. */
final class Fixtures {
  static final Symbol BTC = Symbol.of("BTCUSDT");
  static final Symbol ETH = Symbol.of("ETHUSDT");
  static final Instrument BTC_PERP =
      Instrument.builder(BTC)
          .assets(Asset.of("BTC"), Asset.USDT)
          .tickSize("0.10")
          .stepSize("0.001")
          .build();
  static final Instrument ETH_PERP =
      Instrument.builder(ETH)
          .assets(Asset.of("ETH"), Asset.USDT)
          .tickSize("0.01")
          .stepSize("0.001")
          .build();
  static final long HOUR = 3_600_000L;
  static final long T0 = 1_672_531_200_000L; // 2023-01-01T00:00Z
  static final Money DEPOSIT = Money.of(Asset.USDT, Decimal.parse("10000"));
  static final StrategyId S1 = StrategyId.of("s1");
  static final StrategyId S2 = StrategyId.of("s2");

  private Fixtures() {}

  /** A seeded random walk of 1h bars starting at {@code T0 + offset} hours, prices on 0.1. */
  static List<Bar> walk(Symbol symbol, long seed, int n, double start, int fromHour) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Bar> out = new ArrayList<>();
    double close = start;
    for (int i = 0; i < n; i++) {
      double open = close;
      close = Math.max(100.0, open * (1.0 + 0.01 * (rnd.nextDouble() * 2 - 1)));
      double high = Math.max(open, close) * (1.0 + 0.003 * rnd.nextDouble());
      double low = Math.min(open, close) * (1.0 - 0.003 * rnd.nextDouble());
      out.add(bar(symbol, T0 + (fromHour + i) * HOUR, open, high, low, close));
    }
    return out;
  }

  static Bar bar(Symbol symbol, long openTime, double o, double h, double l, double c) {
    double lo = Math.min(l, Math.min(o, c));
    double hi = Math.max(h, Math.max(o, c));
    return new Bar(
        symbol,
        HOUR,
        openTime,
        tick(o, false),
        tick(hi, true),
        tick(lo, false),
        tick(c, false),
        Quantity.parse("100.000"));
  }

  /** A price on the 0.1 grid: rounded half-up, or up when {@code ceil} (for highs). */
  static Price tick(double v, boolean ceil) {
    long units = ceil ? (long) Math.ceil(v * 10) : Math.round(v * 10);
    return Price.of(units, 1);
  }

  /** Funding every 8 h over the bars' span, with rates that change each time (never constant). */
  static List<FundingRate> funding(Symbol symbol, List<Bar> bars, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<FundingRate> out = new ArrayList<>();
    long first = bars.get(0).openTime();
    long last = bars.get(bars.size() - 1).closeTime();
    for (long t = first + 8 * HOUR; t <= last; t += 8 * HOUR) {
      long units = 10 + rnd.nextInt(-40, 60); // -0.0030 % .. +0.0070 %, step 1e-6
      out.add(FundingRate.of(symbol, t + 1 + rnd.nextInt(5), Decimal.of(units, 6)));
    }
    return out;
  }

  static SimulatedVenueConfig venue() {
    return SimulatedVenueConfig.of(FillModel.bars());
  }

  static BacktestConfig config(StrategyId id, java.util.function.Supplier<Strategy> s) {
    return BacktestConfig.of("test", BTC_PERP, DEPOSIT, venue(), id, s, 24 * 365.0);
  }

  /** Trend following on 1h bars with short averages, so it trades on a few hundred bars. */
  static SignalStrategy trend(Symbol symbol) {
    TrendFollowingParameters p =
        new TrendFollowingParameters(
            symbol, BarInterval.HOUR_1, MovingAverageType.EMA, 5, 20, 10, 3.0, true);
    return SignalStrategy.single(
        StrategyId.of("trend-" + symbol.value()),
        new TrendFollowingSignal(p),
        new ExecutionSettings(dev.tyche.strategy.signal.OrderStyle.MARKET, 1.0, 0.02, 0));
  }

  /** Sends market orders at given bar counts (1-based), records when it saw each bar. */
  static final class Scripted implements Strategy {
    final Symbol symbol;
    final Map<Integer, String> script; // bar count -> "BUY 0.100" / "SELL 0.100"
    final List<Long> barSeenAt = new ArrayList<>();
    final List<Long> barCloseTimes = new ArrayList<>();
    final List<OrderEvent> events = new ArrayList<>();
    StrategyContext ctx;
    int count;

    Scripted(Symbol symbol, Map<Integer, String> script) {
      this.symbol = symbol;
      this.script = new TreeMap<>(script);
    }

    @Override
    public void onStart(StrategyContext context) {
      ctx = context;
      context.subscribe(Subscription.bars(symbol, BarInterval.HOUR_1));
    }

    @Override
    public void onBar(Bar bar) {
      count++;
      barSeenAt.add(ctx.clock().currentTimeMillis());
      barCloseTimes.add(bar.closeTime());
      String cmd = script.get(count);
      if (cmd != null) {
        String[] parts = cmd.split(" ");
        ctx.submit(
            SubmitOrder.market(
                ctx.nextClientOrderId(), symbol, Side.valueOf(parts[0]), Quantity.parse(parts[1])));
      }
    }

    @Override
    public void onOrderEvent(OrderEvent event) {
      events.add(event);
    }
  }
}
