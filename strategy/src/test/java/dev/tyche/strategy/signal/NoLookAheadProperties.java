package dev.tyche.strategy.signal;

import static dev.tyche.strategy.testing.Fixtures.PERP;
import static dev.tyche.strategy.testing.Fixtures.SPOT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.strategy.StrategyId;
import dev.tyche.core.time.BarInterval;
import dev.tyche.core.time.FundingSchedule;
import dev.tyche.strategy.funding.FundingCarryParameters;
import dev.tyche.strategy.funding.FundingCarrySignal;
import dev.tyche.strategy.meanreversion.MeanReversionParameters;
import dev.tyche.strategy.meanreversion.MeanReversionSignal;
import dev.tyche.strategy.range.RangeTradingParameters;
import dev.tyche.strategy.range.RangeTradingSignal;
import dev.tyche.strategy.testing.Bars;
import dev.tyche.strategy.testing.Fixtures;
import dev.tyche.strategy.testing.RandomMarket;
import dev.tyche.strategy.testing.RandomMarket.Step;
import dev.tyche.strategy.trend.MovingAverageType;
import dev.tyche.strategy.trend.TrendFollowingParameters;
import dev.tyche.strategy.trend.TrendFollowingSignal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * No look-ahead, as prefix invariance: for a random series cut at a random {@code t}, the targets
 * (and the orders) produced for the first {@code t} events are identical whether the run stops at
 * {@code t} or continues with random future data. A generator that peeked at a later bar (or
 * buffered and revised a past decision) would differ somewhere in the prefix. A second property
 * checks that decisions depend only on the events a generator trades: interleaving bars of other
 * instruments and intervals, and unrelated funding, changes nothing.
 */
class NoLookAheadProperties {

  private static final BarInterval H1 = BarInterval.HOUR_1;
  private static final int TRIES = 200;

  @Provide
  Arbitrary<TrendFollowingParameters> trend() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 5),
            Arbitraries.integers().between(1, 10),
            Arbitraries.integers().between(1, 5),
            Arbitraries.doubles().between(0.5, 4.0),
            Arbitraries.of(MovingAverageType.values()),
            Arbitraries.of(true, false))
        .as(
            (fast, extra, atr, k, type, shorts) ->
                new TrendFollowingParameters(PERP, H1, type, fast, fast + extra, atr, k, shorts));
  }

  @Provide
  Arbitrary<MeanReversionParameters> meanReversion() {
    return Combinators.combine(
            Arbitraries.integers().between(2, 10),
            Arbitraries.doubles().between(0.5, 2.5),
            Arbitraries.integers().between(1, 6),
            Arbitraries.doubles().between(10, 49),
            Arbitraries.doubles().between(51, 90),
            Arbitraries.doubles().between(0.01, 0.2),
            Arbitraries.of(true, false))
        .as(
            (n, k, rsi, lo, hi, stop, shorts) ->
                new MeanReversionParameters(PERP, H1, n, k, rsi, lo, hi, stop, shorts));
  }

  @Provide
  Arbitrary<RangeTradingParameters> range() {
    return Combinators.combine(
            Arbitraries.integers().between(2, 10),
            Arbitraries.doubles().between(0.05, 0.45),
            Arbitraries.doubles().between(0.0, 0.5),
            Arbitraries.integers().between(0, 3),
            Arbitraries.of(true, false))
        .as(
            (n, zone, breakout, cool, shorts) ->
                new RangeTradingParameters(PERP, H1, n, zone, breakout, cool, shorts));
  }

  @Provide
  Arbitrary<List<Step>> past() {
    return RandomMarket.steps(15, 80);
  }

  @Provide
  Arbitrary<List<Step>> future() {
    return RandomMarket.steps(1, 40);
  }

  private static <T> void assertPrefix(List<T> cut, List<T> full) {
    assertThat(full.subList(0, cut.size())).isEqualTo(cut);
  }

  private static void prefixInvariant(
      Supplier<SignalGenerator> generator, List<Step> past, List<Step> future) {
    List<Bar> prefix = RandomMarket.bars(PERP, H1, 0, 100.0, past);
    List<Step> all = new ArrayList<>(past);
    all.addAll(future);
    List<Bar> full = RandomMarket.bars(PERP, H1, 0, 100.0, all);
    assertThat(full.subList(0, prefix.size())).isEqualTo(prefix);
    assertPrefix(
        Fixtures.targets(generator.get(), PERP, prefix),
        Fixtures.targets(generator.get(), PERP, full));
  }

  @Property(tries = TRIES)
  void trendFollowing(
      @ForAll("trend") TrendFollowingParameters p,
      @ForAll("past") List<Step> past,
      @ForAll("future") List<Step> future) {
    prefixInvariant(() -> new TrendFollowingSignal(p), past, future);
  }

  @Property(tries = TRIES)
  void meanReversion(
      @ForAll("meanReversion") MeanReversionParameters p,
      @ForAll("past") List<Step> past,
      @ForAll("future") List<Step> future) {
    prefixInvariant(() -> new MeanReversionSignal(p), past, future);
  }

  @Property(tries = TRIES)
  void rangeTrading(
      @ForAll("range") RangeTradingParameters p,
      @ForAll("past") List<Step> past,
      @ForAll("future") List<Step> future) {
    prefixInvariant(() -> new RangeTradingSignal(p), past, future);
  }

  private static List<MarketEvent> carryEvents(List<Double> rates, List<Step> prices) {
    BarInterval h8 = BarInterval.HOUR_8;
    int n = Math.min(rates.size(), prices.size());
    List<Bar> spot = RandomMarket.bars(SPOT, h8, 0, 100.0, prices.subList(0, n));
    List<Bar> perp = RandomMarket.bars(PERP, h8, 0, 100.5, prices.subList(0, n));
    List<MarketEvent> events = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      events.add(spot.get(k));
      events.add(perp.get(k));
      events.add(Bars.funding(PERP, k + 1, rates.get(k)));
    }
    return events;
  }

  @Property(tries = TRIES)
  void fundingCarry(
      @ForAll @Size(min = 1, max = 60)
          List<@DoubleRange(min = -0.0005, max = 0.001) @Scale(7) Double> rates,
      @ForAll @Size(min = 1, max = 30)
          List<@DoubleRange(min = -0.0005, max = 0.001) @Scale(7) Double> more,
      @ForAll("past") List<Step> prices,
      @ForAll @DoubleRange(min = 0.05, max = 1.0) double alpha,
      @ForAll @IntRange(min = 1, max = 5) int minObservations) {
    FundingCarryParameters p =
        new FundingCarryParameters(
            SPOT,
            PERP,
            BarInterval.HOUR_8,
            FundingSchedule.EVERY_8_HOURS,
            alpha,
            minObservations,
            0.004,
            30,
            0.05,
            0.0,
            0.5);
    List<Step> longPrices = new ArrayList<>(prices);
    while (longPrices.size() < rates.size() + more.size()) {
      longPrices.addAll(prices);
    }
    List<Double> allRates = new ArrayList<>(rates);
    allRates.addAll(more);
    List<MarketEvent> cut = carryEvents(rates, longPrices);
    List<MarketEvent> full = carryEvents(allRates, longPrices);
    assertThat(full.subList(0, cut.size())).isEqualTo(cut);
    for (Symbol leg : List.of(SPOT, PERP)) {
      assertPrefix(
          Fixtures.targets(new FundingCarrySignal(p), leg, cut),
          Fixtures.targets(new FundingCarrySignal(p), leg, full));
    }
    SignalStrategy cutRun =
        SignalStrategy.single(Fixtures.ID, new FundingCarrySignal(p), ExecutionSettings.DEFAULT);
    SignalStrategy fullRun =
        SignalStrategy.single(Fixtures.ID, new FundingCarrySignal(p), ExecutionSettings.DEFAULT);
    assertPrefix(
        Fixtures.replay(cutRun, Fixtures.context(), cut),
        Fixtures.replay(fullRun, Fixtures.context(), full));
  }

  private static SignalStrategy combined(
      TrendFollowingParameters t, MeanReversionParameters m, RangeTradingParameters r) {
    Map<StrategyId, SignalGenerator> gens = new LinkedHashMap<>();
    gens.put(StrategyId.of("trend"), new TrendFollowingSignal(t));
    gens.put(StrategyId.of("mr"), new MeanReversionSignal(m));
    gens.put(StrategyId.of("range"), new RangeTradingSignal(r));
    Map<StrategyId, Double> weights = new LinkedHashMap<>();
    weights.put(StrategyId.of("trend"), 0.5);
    weights.put(StrategyId.of("mr"), 0.3);
    weights.put(StrategyId.of("range"), 0.2);
    return new SignalStrategy(
        gens,
        SignalAggregator.of(weights, 1.0),
        new TargetExecutor(new ExecutionSettings(OrderStyle.MARKET, 1.0, 0.01, 0)));
  }

  @Property(tries = TRIES)
  void ordersOfACombinedStrategy(
      @ForAll("trend") TrendFollowingParameters t,
      @ForAll("meanReversion") MeanReversionParameters m,
      @ForAll("range") RangeTradingParameters r,
      @ForAll("past") List<Step> past,
      @ForAll("future") List<Step> future) {
    List<Bar> prefix = RandomMarket.bars(PERP, H1, 0, 100.0, past);
    List<Step> all = new ArrayList<>(past);
    all.addAll(future);
    List<Bar> full = RandomMarket.bars(PERP, H1, 0, 100.0, all);
    List<List<SubmitOrder>> cutOrders =
        Fixtures.replay(combined(t, m, r), Fixtures.context(), prefix);
    List<List<SubmitOrder>> fullOrders =
        Fixtures.replay(combined(t, m, r), Fixtures.context(), full);
    assertPrefix(cutOrders, fullOrders);
    // The property is only meaningful if the prefix trades: most random series must.
    Statistics.label("prefix traded").collect(cutOrders.stream().anyMatch(o -> !o.isEmpty()));
    Statistics.label("prefix traded").coverage(c -> c.check(true).percentage(p -> p > 50.0));
  }

  @Property(tries = TRIES)
  void unrelatedEventsChangeNothing(
      @ForAll("trend") TrendFollowingParameters t,
      @ForAll("meanReversion") MeanReversionParameters m,
      @ForAll("range") RangeTradingParameters r,
      @ForAll("past") List<Step> steps,
      @ForAll("future") List<Step> noise) {
    List<Bar> bars = RandomMarket.bars(PERP, H1, 0, 100.0, steps);
    List<Bar> other = RandomMarket.bars(Symbol.of("ETHUSDT"), H1, 0, 50.0, noise);
    List<Bar> minutes = RandomMarket.bars(PERP, BarInterval.MINUTE_1, 0, 80.0, noise);
    List<MarketEvent> mixed = new ArrayList<>();
    for (int i = 0; i < bars.size(); i++) {
      if (i < noise.size()) {
        mixed.add(other.get(i));
        mixed.add(minutes.get(i));
        mixed.add(Bars.funding(PERP, i + 1, noise.get(i).ret()));
      }
      mixed.add(bars.get(i));
    }
    List<Supplier<SignalGenerator>> generators =
        List.of(
            () -> new TrendFollowingSignal(t),
            () -> new MeanReversionSignal(m),
            () -> new RangeTradingSignal(r));
    for (Supplier<SignalGenerator> g : generators) {
      SignalGenerator mixedGen = g.get();
      List<Double> atBars = new ArrayList<>();
      for (MarketEvent e : mixed) {
        boolean decided = mixedGen.onMarketEvent(e);
        assertThat(decided).isEqualTo(bars.contains(e));
        if (decided) {
          atBars.add(mixedGen.target(PERP));
        }
      }
      assertThat(atBars).isEqualTo(Fixtures.targets(g.get(), PERP, bars));
    }
  }
}
