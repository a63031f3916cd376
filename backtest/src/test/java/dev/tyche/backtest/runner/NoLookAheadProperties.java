package dev.tyche.backtest.runner;

import static dev.tyche.backtest.runner.Fixtures.BTC;
import static dev.tyche.backtest.runner.Fixtures.S1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.backtest.feed.HistoricalFeeds;
import dev.tyche.backtest.result.BacktestResult;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.FundingRate;
import dev.tyche.execution.sim.FillModel;
import dev.tyche.execution.sim.LatencyModel;
import dev.tyche.execution.sim.SimulatedVenueConfig;
import dev.tyche.execution.sim.SlippageModel;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * No look-ahead: replacing every bar and funding rate after a cut time {@code t} with different
 * data never changes anything the engine logged at or before {@code t} (market data seen, commands,
 * risk decisions, acknowledgements, fills, funding), so no decision at or before {@code t} depended
 * on later data. Determinism: the same data and seed give the same log.
 */
class NoLookAheadProperties {

  private static List<String> upTo(List<String> log, long t) {
    List<String> out = new ArrayList<>();
    for (String line : log) {
      String[] parts = line.split(" ", 3);
      if (Long.parseLong(parts[1]) <= t) {
        out.add(line);
      }
    }
    return out;
  }

  private static BacktestResult run(
      List<Bar> bars, List<FundingRate> funding, FillModel.BarFillPrice fill, long seed) {
    SimulatedVenueConfig venue =
        SimulatedVenueConfig.of(new FillModel.Bars(fill, new SlippageModel(1.0, 10.0)))
            .withOrderLatency(new LatencyModel(0, 500))
            .withSeed(seed);
    return BacktestRunner.run(
        Fixtures.config(S1, () -> Fixtures.trend(BTC)).withVenue(venue),
        List.of(
            HistoricalFeeds.bars("bars", bars), HistoricalFeeds.fundingRates("funding", funding)));
  }

  @Property(tries = 25)
  void changingDataAfterACutNeverChangesWhatHappenedUpToIt(
      @ForAll @LongRange(min = 1, max = 1_000_000) long dataSeed,
      @ForAll @LongRange(min = 1, max = 1_000_000) long otherSeed,
      @ForAll @IntRange(min = 30, max = 170) int cut,
      @ForAll boolean lastClose,
      @ForAll @LongRange(min = 0, max = 1000) long venueSeed) {
    int n = 200;
    List<Bar> bars = Fixtures.walk(BTC, dataSeed, n, 20_000, 0);
    List<Bar> changed = new ArrayList<>(bars.subList(0, cut));
    double lastClosePrice = bars.get(cut - 1).close().toDouble();
    // A different future that starts from the same last close (a realistic continuation).
    changed.addAll(Fixtures.walk(BTC, otherSeed, n - cut, lastClosePrice, cut));
    long t = bars.get(cut - 1).closeTime();
    List<FundingRate> funding = Fixtures.funding(BTC, bars, dataSeed);
    List<FundingRate> changedFunding = new ArrayList<>();
    List<FundingRate> otherFunding = Fixtures.funding(BTC, bars, otherSeed);
    for (int i = 0; i < funding.size(); i++) {
      changedFunding.add(funding.get(i).fundingTime() <= t ? funding.get(i) : otherFunding.get(i));
    }
    FillModel.BarFillPrice fill =
        lastClose ? FillModel.BarFillPrice.LAST_CLOSE : FillModel.BarFillPrice.NEXT_OPEN;

    BacktestResult a = run(bars, funding, fill, venueSeed);
    BacktestResult b = run(changed, changedFunding, fill, venueSeed);

    assertThat(upTo(b.eventLog(), t)).isEqualTo(upTo(a.eventLog(), t));
    // The curve up to t is identical as well.
    long[] ta = a.equity().times();
    double[] ea = a.equity().equity();
    double[] eb = b.equity().equity();
    for (int i = 0; i < ta.length && ta[i] <= t; i++) {
      assertThat(eb[i]).isEqualTo(ea[i]);
    }
  }

  @Property(tries = 10)
  void theSameDataAndSeedGiveTheSameLog(
      @ForAll @LongRange(min = 1, max = 1_000_000) long dataSeed,
      @ForAll @LongRange(min = 0, max = 1000) long venueSeed) {
    List<Bar> bars = Fixtures.walk(BTC, dataSeed, 150, 20_000, 0);
    List<FundingRate> funding = Fixtures.funding(BTC, bars, dataSeed);
    BacktestResult a = run(bars, funding, FillModel.BarFillPrice.NEXT_OPEN, venueSeed);
    BacktestResult b = run(bars, funding, FillModel.BarFillPrice.NEXT_OPEN, venueSeed);
    assertThat(b.eventLog()).isEqualTo(a.eventLog());
    assertThat(b.equity()).isEqualTo(a.equity());
    assertThat(b.fills()).isEqualTo(a.fills());
  }
}
