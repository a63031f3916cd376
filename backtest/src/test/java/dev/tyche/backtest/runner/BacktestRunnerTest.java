package dev.tyche.backtest.runner;

import static dev.tyche.backtest.runner.Fixtures.BTC;
import static dev.tyche.backtest.runner.Fixtures.BTC_PERP;
import static dev.tyche.backtest.runner.Fixtures.DEPOSIT;
import static dev.tyche.backtest.runner.Fixtures.ETH;
import static dev.tyche.backtest.runner.Fixtures.ETH_PERP;
import static dev.tyche.backtest.runner.Fixtures.HOUR;
import static dev.tyche.backtest.runner.Fixtures.S1;
import static dev.tyche.backtest.runner.Fixtures.S2;
import static dev.tyche.backtest.runner.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.backtest.feed.EventFeed;
import dev.tyche.backtest.feed.HistoricalFeeds;
import dev.tyche.backtest.result.BacktestResult;
import dev.tyche.backtest.result.Contribution;
import dev.tyche.backtest.result.FillRecord;
import dev.tyche.backtest.result.FundingRecord;
import dev.tyche.backtest.result.RegimeSeries;
import dev.tyche.backtest.result.ResultWriter;
import dev.tyche.core.id.Asset;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.FundingRate;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.order.Liquidity;
import dev.tyche.core.order.Side;
import dev.tyche.core.strategy.Strategy;
import dev.tyche.core.strategy.StrategyId;
import dev.tyche.execution.sim.FeeSchedule;
import dev.tyche.execution.sim.FillModel;
import dev.tyche.execution.sim.LatencyModel;
import dev.tyche.execution.sim.SimulatedVenueConfig;
import dev.tyche.execution.sim.SlippageModel;
import dev.tyche.risk.pretrade.MaxOrderNotionalRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class BacktestRunnerTest {

  private static BacktestResult run(BacktestConfig c, List<Bar> bars, List<FundingRate> funding) {
    List<EventFeed> feeds = new ArrayList<>();
    feeds.add(HistoricalFeeds.bars("bars", bars));
    if (!funding.isEmpty()) {
      feeds.add(HistoricalFeeds.fundingRates("funding", funding));
    }
    return BacktestRunner.run(c, feeds);
  }

  @Test
  void aFillOnTheLastBarThatFlattensThePositionIsInTheLastSample() {
    // Bought at the 2nd bar's close, sold at the 5th's: the sell fills on the 6th and last bar,
    // leaving the account flat.
    // The last sample is re-valued after the final drain and must be the flat account's exact
    // equity, not an earlier sample's row while the position was still open.
    List<Bar> bars = Fixtures.walk(BTC, 7, 6, 20_000, 0);
    Fixtures.Scripted s = new Fixtures.Scripted(BTC, Map.of(2, "BUY 0.100", 5, "SELL 0.100"));
    BacktestResult r = run(Fixtures.config(S1, () -> s), bars, List.of());

    assertThat(r.fills()).hasSize(2);
    double[] eq = r.equity().equity();
    assertThat(eq).hasSize(bars.size());
    assertThat(eq[eq.length - 1]).isEqualTo(r.finalEquity().amount().toDouble());
    assertThat(r.equity().netExposure()[eq.length - 1]).isZero();
    // The bar before still held the position, valued at another price.
    assertThat(r.equity().netExposure()[eq.length - 2]).isNotZero();
  }

  @Test
  void aBarReachesTheStrategyAtItsCloseTimeAndAMarketOrderFillsAtTheNextOpen() {
    List<Bar> bars = Fixtures.walk(BTC, 1, 6, 20_000, 0);
    Fixtures.Scripted s = new Fixtures.Scripted(BTC, Map.of(2, "BUY 0.100"));
    BacktestResult r = run(Fixtures.config(S1, () -> s), bars, List.of());

    for (int i = 0; i < bars.size(); i++) {
      assertThat(s.barSeenAt.get(i)).isEqualTo(bars.get(i).closeTime());
    }
    assertThat(r.fills()).hasSize(1);
    FillRecord f = r.fills().get(0);
    // Decided at bar 2's close; NEXT_OPEN bar matching fills at bar 3's open, booked at its close.
    assertThat(f.price().isEqualTo(bars.get(2).open())).isTrue();
    assertThat(f.time()).isEqualTo(bars.get(2).closeTime());
    assertThat(f.decisionPrice()).isPresent();
    assertThat(f.decisionPrice().get().isEqualTo(bars.get(1).close())).isTrue();
    assertThat(f.liquidity()).isEqualTo(Liquidity.TAKER);
    // One sample per bar close, the first equal to the deposit.
    assertThat(r.equity().times())
        .containsExactly(bars.stream().mapToLong(Bar::closeTime).toArray());
    assertThat(r.equity().equity()[0]).isEqualTo(10_000.0);
    assertThat(r.ordersSubmitted()).isEqualTo(1);
    assertThat(r.ordersDenied()).isZero();
  }

  @Test
  void feesFundingAndPnlReconcileWithTheLedgerExactly() {
    List<Bar> bars = Fixtures.walk(BTC, 7, 240, 20_000, 0);
    List<FundingRate> funding = Fixtures.funding(BTC, bars, 11);
    Map<Integer, String> script = new LinkedHashMap<>();
    script.put(3, "BUY 0.200");
    script.put(50, "SELL 0.350"); // flip to short 0.150
    script.put(120, "BUY 0.050");
    script.put(200, "BUY 0.100"); // flat
    script.put(210, "SELL 0.120");
    SimulatedVenueConfig venue =
        SimulatedVenueConfig.of(
                new FillModel.Bars(FillModel.BarFillPrice.NEXT_OPEN, new SlippageModel(2.0, 0.0)))
            .withFees(FeeSchedule.ofBps("2", "5"));
    BacktestConfig c =
        Fixtures.config(S1, () -> new Fixtures.Scripted(BTC, script)).withVenue(venue);
    BacktestResult r = run(c, bars, funding);

    assertThat(r.fills()).hasSize(5);
    // Independent recomputation with BigDecimal.
    BigDecimal cash = BigDecimal.ZERO;
    BigDecimal fees = BigDecimal.ZERO;
    BigDecimal slip = BigDecimal.ZERO;
    for (FillRecord f : r.fills()) {
      BigDecimal p = new BigDecimal(f.price().toPlainString());
      BigDecimal q = new BigDecimal(f.quantity().toPlainString());
      int sign = f.side() == Side.BUY ? 1 : -1;
      cash = cash.subtract(p.multiply(q).multiply(BigDecimal.valueOf(sign)));
      BigDecimal fee =
          p.multiply(q).multiply(new BigDecimal("0.0005")).setScale(8, RoundingMode.HALF_UP);
      assertThat(new BigDecimal(f.fee().amount().toPlainString())).isEqualByComparingTo(fee);
      fees = fees.add(fee);
      BigDecimal d = new BigDecimal(f.decisionPrice().orElseThrow().toPlainString());
      slip = slip.add(p.subtract(d).multiply(q).multiply(BigDecimal.valueOf(sign)));
    }
    // Funding: one payment per settlement with an open position, -Q * mark * rate, mark = last
    // close before the funding time (the data carry no mark), rounded half-even to 8 decimals.
    BigDecimal fundingTotal = BigDecimal.ZERO;
    int expectedPayments = 0;
    for (FundingRate fr : funding) {
      BigDecimal q = positionBefore(r.fills(), fr.fundingTime());
      if (q.signum() == 0) {
        continue;
      }
      BigDecimal mark =
          new BigDecimal(lastCloseBefore(bars, fr.fundingTime()).close().toPlainString());
      BigDecimal amount =
          q.multiply(mark)
              .multiply(new BigDecimal(fr.rate().toPlainString()))
              .negate()
              .setScale(8, RoundingMode.HALF_EVEN);
      FundingRecord rec = r.funding().get(expectedPayments);
      assertThat(rec.fundingTime()).isEqualTo(fr.fundingTime());
      assertThat(rec.rate()).isEqualTo(fr.rate());
      assertThat(new BigDecimal(rec.amount().amount().toPlainString()))
          .isEqualByComparingTo(amount);
      fundingTotal = fundingTotal.add(amount);
      expectedPayments++;
    }
    assertThat(r.funding()).hasSize(expectedPayments);
    assertThat(expectedPayments).isGreaterThan(10);
    // Rates come from the data: they differ between settlements.
    assertThat(r.funding().stream().map(FundingRecord::rate).distinct().count()).isGreaterThan(3);

    BigDecimal finalQ = positionBefore(r.fills(), Long.MAX_VALUE);
    BigDecimal lastClose = new BigDecimal(bars.get(bars.size() - 1).close().toPlainString());
    BigDecimal expectedEquity =
        new BigDecimal("10000")
            .add(cash)
            .add(finalQ.multiply(lastClose))
            .subtract(fees)
            .add(fundingTotal);
    assertThat(new BigDecimal(r.finalEquity().amount().toPlainString()))
        .isEqualByComparingTo(expectedEquity);
    assertThat(new BigDecimal(r.costs().totalFees().amount().toPlainString()))
        .isEqualByComparingTo(fees);
    assertThat(new BigDecimal(r.costs().takerFees().amount().toPlainString()))
        .isEqualByComparingTo(fees);
    assertThat(r.costs().makerFees().isZero()).isTrue();
    assertThat(new BigDecimal(r.costs().funding().amount().toPlainString()))
        .isEqualByComparingTo(fundingTotal);
    assertThat(new BigDecimal(r.costs().slippage().amount().toPlainString()))
        .isEqualByComparingTo(slip);
    // The last sample is the final equity.
    double[] eq = r.equity().equity();
    assertThat(eq[eq.length - 1]).isEqualTo(r.finalEquity().amount().toDouble());
    // One strategy: its private ledger is the account minus the deposit.
    Contribution s1 = r.byStrategy().get(0);
    assertThat(s1.key()).isEqualTo("s1");
    assertThat(s1.pnl()).isCloseTo(r.pnl().amount().toDouble(), within(1e-6));
    assertThat(s1.fees()).isCloseTo(fees.doubleValue(), within(1e-9));
    assertThat(s1.funding()).isCloseTo(fundingTotal.doubleValue(), within(1e-9));
    assertThat(s1.fills()).isEqualTo(5);
  }

  private static BigDecimal positionBefore(List<FillRecord> fills, long time) {
    BigDecimal q = BigDecimal.ZERO;
    for (FillRecord f : fills) {
      if (f.time() < time) {
        BigDecimal x = new BigDecimal(f.quantity().toPlainString());
        q = f.side() == Side.BUY ? q.add(x) : q.subtract(x);
      }
    }
    return q;
  }

  private static Bar lastCloseBefore(List<Bar> bars, long time) {
    Bar last = null;
    for (Bar b : bars) {
      if (b.closeTime() <= time) {
        last = b;
      }
    }
    return last;
  }

  @Test
  void slippageIsTheVenuesHalfSpreadOverTheDecisionPriceWhenFillingAtTheDecisionClose() {
    List<Bar> bars = Fixtures.walk(BTC, 3, 40, 20_000, 0);
    SimulatedVenueConfig venue =
        SimulatedVenueConfig.of(
                new FillModel.Bars(FillModel.BarFillPrice.LAST_CLOSE, new SlippageModel(10.0, 0.0)))
            .withFees(FeeSchedule.ZERO);
    Map<Integer, String> script = Map.of(5, "BUY 0.500", 20, "SELL 0.500");
    BacktestResult r =
        run(
            Fixtures.config(S1, () -> new Fixtures.Scripted(BTC, script)).withVenue(venue),
            bars,
            List.of());
    assertThat(r.fills()).hasSize(2);
    for (FillRecord f : r.fills()) {
      double expected = 10e-4 * f.decisionPrice().orElseThrow().toDouble() * 0.5;
      // Rounded to the tick grid against the trader: at most one tick (0.1) per unit more.
      assertThat(f.slippage().amount().toDouble())
          .isBetween(expected - 1e-9, expected + 0.05 + 1e-9);
    }
    assertThat(r.costs().totalFees().isZero()).isTrue();
    assertThat(r.costs().slippage().amount().toDouble()).isGreaterThan(0.0);
  }

  @Test
  void theSameDataAndSeedGiveTheSameEventLogAndCurveBitForBit() {
    List<Bar> bars = Fixtures.walk(BTC, 21, 400, 20_000, 0);
    List<FundingRate> funding = Fixtures.funding(BTC, bars, 5);
    SimulatedVenueConfig venue =
        SimulatedVenueConfig.of(
                new FillModel.Bars(FillModel.BarFillPrice.NEXT_OPEN, new SlippageModel(1.0, 20.0)))
            .withOrderLatency(new LatencyModel(50, 2_000))
            .withSeed(42);
    BacktestConfig c = Fixtures.config(S1, () -> Fixtures.trend(BTC)).withVenue(venue);
    BacktestResult a = run(c, bars, funding);
    BacktestResult b = run(c, bars, funding);

    assertThat(a.fills()).isNotEmpty();
    assertThat(String.join("\n", a.eventLog())).isEqualTo(String.join("\n", b.eventLog()));
    assertThat(Arrays.equals(a.equity().equity(), b.equity().equity())).isTrue();
    assertThat(Arrays.equals(a.equity().times(), b.equity().times())).isTrue();
    assertThat(a.equity()).isEqualTo(b.equity());
    assertThat(a.fills()).isEqualTo(b.fills());
    assertThat(ResultWriter.toJson(a)).isEqualTo(ResultWriter.toJson(b));

    // The seed matters: jittered latency changes when orders arrive, hence the log.
    BacktestResult other = run(c.withVenue(venue.withSeed(43)), bars, funding);
    assertThat(other.eventLog()).isNotEqualTo(a.eventLog());
  }

  @Test
  void strategyContributionsAddUpToTheAccountPnl() {
    List<Bar> btc = Fixtures.walk(BTC, 31, 300, 20_000, 0);
    List<Bar> eth = Fixtures.walk(ETH, 32, 300, 1_500, 0);
    List<FundingRate> funding = Fixtures.funding(BTC, btc, 3);
    Map<StrategyId, Supplier<? extends Strategy>> strategies = new LinkedHashMap<>();
    strategies.put(S1, () -> Fixtures.trend(BTC));
    strategies.put(S2, () -> Fixtures.trend(ETH));
    strategies.put(StrategyId.of("s3"), () -> new Fixtures.Scripted(BTC, Map.of(30, "SELL 0.050")));
    long[] regimeTimes = {T0, T0 + 100 * HOUR, T0 + 200 * HOUR};
    BacktestConfig c =
        new BacktestConfig(
            "two",
            List.of(BTC_PERP, ETH_PERP),
            DEPOSIT,
            Fixtures.venue(),
            List.of(),
            strategies,
            24 * 365.0,
            0,
            Optional.of(new RegimeSeries(regimeTimes, List.of("calm", "storm", "calm"))));
    BacktestResult r =
        BacktestRunner.run(
            c,
            List.of(
                HistoricalFeeds.bars("btc", btc),
                HistoricalFeeds.bars("eth", eth),
                HistoricalFeeds.fundingRates("f", funding)));
    assertThat(r.byStrategy()).extracting(Contribution::key).containsExactly("s1", "s2", "s3");
    double sum = r.byStrategy().stream().mapToDouble(Contribution::pnl).sum();
    // Exact up to funding rounding (1e-8 per settlement and strategy) and double conversion.
    assertThat(sum).isCloseTo(r.pnl().amount().toDouble(), within(1e-5));
    assertThat(r.byStrategy().stream().mapToInt(Contribution::fills).sum())
        .isEqualTo(r.fills().size());
    assertThat(r.strategySeries()).hasSize(3);
    // Equity is sampled once per bar close time although two bars close at each time.
    assertThat(r.equity().size()).isEqualTo(300);
    // Regime contributions sum to the curve's change, split 99 / 100 / 100 periods.
    double[] e = r.equity().equity();
    assertThat(r.byRegime().stream().mapToDouble(Contribution::pnl).sum())
        .isCloseTo(e[e.length - 1] - e[0], within(1e-6));
    assertThat(r.byRegime()).extracting(Contribution::key).containsExactly("calm", "storm");
    assertThat(r.byRegime()).extracting(Contribution::periods).containsExactly(199, 100);
  }

  @Test
  void theRiskGateDeniesOrdersAndTheResultCountsThem() {
    List<Bar> bars = Fixtures.walk(BTC, 1, 10, 20_000, 0);
    BacktestConfig c =
        Fixtures.config(
                S1, () -> new Fixtures.Scripted(BTC, Map.of(2, "BUY 1.000", 4, "BUY 0.010")))
            .withRiskRules(
                List.of(
                    new MaxOrderNotionalRule(
                        MaxOrderNotionalRule.DEFAULT_NAME, Decimal.parse("5000"))));
    BacktestResult r = run(c, bars, List.of());
    assertThat(r.ordersSubmitted()).isEqualTo(2);
    assertThat(r.ordersDenied()).isEqualTo(1);
    assertThat(r.fills()).hasSize(1);
    assertThat(r.eventLog()).anyMatch(l -> l.contains("OrderDenied"));
  }

  @Test
  void samplingOnAGridWorksWithoutBars() {
    List<Bar> bars = Fixtures.walk(BTC, 1, 30, 20_000, 0);
    List<dev.tyche.core.market.MarkPrice> marks = new ArrayList<>();
    for (Bar b : bars) {
      marks.add(dev.tyche.core.market.MarkPrice.of(BTC, b.closeTime(), b.close()));
    }
    BacktestConfig c =
        Fixtures.config(S1, () -> new Fixtures.Scripted(BTC, Map.of()))
            .withSampleEveryMillis(4 * HOUR);
    BacktestResult r = BacktestRunner.run(c, HistoricalFeeds.markPrices("marks", marks));
    // 30 hourly marks from 00:59:59.999; a sample at each 4 h boundary crossed, plus the end.
    assertThat(r.equity().size()).isEqualTo(8);
    assertThat(r.metrics()).isPresent();
    assertThat(r.metrics().get().periodsPerYear()).isEqualTo(24 * 365.0);
  }

  @Test
  void badConfigurationAndFeedsAreRejectedWithClearMessages() {
    Supplier<Strategy> s = () -> new Fixtures.Scripted(BTC, Map.of());
    assertThatThrownBy(
            () ->
                BacktestConfig.of(
                    "x",
                    BTC_PERP,
                    Money.of(Asset.USDT, Decimal.ZERO),
                    Fixtures.venue(),
                    S1,
                    s,
                    8760))
        .hasMessageContaining("initialDeposit must be > 0");
    assertThatThrownBy(
            () -> BacktestConfig.of("x", BTC_PERP, DEPOSIT, Fixtures.venue(), S1, s, Double.NaN))
        .hasMessageContaining("periodsPerYear");
    assertThatThrownBy(
            () -> BacktestConfig.of("x", BTC_PERP, DEPOSIT, Fixtures.venue(), S1, s, 0.0))
        .hasMessageContaining("periodsPerYear");
    Instrument coinM =
        Instrument.builder(BTC)
            .assets(Asset.of("BTC"), Asset.of("USD"))
            .tickSize("0.1")
            .stepSize("1")
            .build();
    assertThatThrownBy(() -> BacktestConfig.of("x", coinM, DEPOSIT, Fixtures.venue(), S1, s, 8760))
        .hasMessageContaining("quoted and margined in the deposit's asset USDT");
    assertThatThrownBy(
            () ->
                new BacktestConfig(
                    "x",
                    List.of(BTC_PERP, BTC_PERP),
                    DEPOSIT,
                    Fixtures.venue(),
                    List.of(),
                    Map.of(S1, s),
                    8760,
                    0,
                    Optional.empty()))
        .hasMessageContaining("BTCUSDT repeats");
    assertThatThrownBy(
            () ->
                new BacktestConfig(
                    "x",
                    List.of(BTC_PERP),
                    DEPOSIT,
                    Fixtures.venue(),
                    List.of(),
                    Map.of(),
                    8760,
                    0,
                    Optional.empty()))
        .hasMessageContaining("strategies must not be empty");
    assertThatThrownBy(() -> Fixtures.config(S1, s).withSampleEveryMillis(-1))
        .hasMessageContaining("sampleEveryMillis must be >= 0 but was -1");
    assertThatThrownBy(
            () -> BacktestRunner.run(Fixtures.config(S1, s), new EventFeed("empty", List.of())))
        .hasMessageContaining("must not be empty");
    List<Bar> eth = Fixtures.walk(ETH, 1, 3, 1_000, 0);
    assertThatThrownBy(() -> run(Fixtures.config(S1, s), eth, List.of()))
        .hasMessageContaining("ETHUSDT but the backtest trades only [BTCUSDT]");
  }

  @Test
  void aLiquidationIsBookedAndReportedAsAVenueFill() {
    // 20x long into a 30 % crash: the isolated position is liquidated by the venue.
    List<Bar> bars = new ArrayList<>();
    double p = 20_000;
    for (int i = 0; i < 12; i++) {
      double next = i < 4 ? p : p * 0.95;
      bars.add(Fixtures.bar(BTC, T0 + i * HOUR, p, Math.max(p, next), Math.min(p, next), next));
      p = next;
    }
    dev.tyche.risk.margin.LeverageBrackets brackets =
        dev.tyche.risk.margin.LeverageBrackets.of(
            BTC,
            new dev.tyche.risk.margin.LeverageBracket(
                1,
                125,
                Decimal.ZERO,
                Decimal.parse("50000000"),
                Decimal.parse("0.004"),
                Decimal.ZERO));
    SimulatedVenueConfig venue =
        Fixtures.venue()
            .withMargin(new dev.tyche.execution.sim.IsolatedMargin(20, Map.of(BTC, brackets)));
    BacktestResult r =
        run(
            Fixtures.config(S1, () -> new Fixtures.Scripted(BTC, Map.of(2, "BUY 0.400")))
                .withVenue(venue),
            bars,
            List.of());
    assertThat(r.fills()).hasSize(2);
    FillRecord liq = r.fills().get(1);
    assertThat(liq.liquidation()).isTrue();
    assertThat(liq.strategy()).isEqualTo(BacktestRunner.VENUE);
    assertThat(liq.side()).isEqualTo(Side.SELL);
    assertThat(r.equity().netExposure()[r.equity().size() - 1]).isZero();
    assertThat(r.byStrategy()).extracting(Contribution::key).containsExactly("s1", "venue");
    assertThat(r.eventLog()).anyMatch(l -> l.contains("LIQUIDATION"));
    // Account still reconciles: the strategies' PnLs (s1 + venue bucket) sum to the account's.
    double sum = r.byStrategy().stream().mapToDouble(Contribution::pnl).sum();
    assertThat(sum).isCloseTo(r.pnl().amount().toDouble(), within(1e-6));
  }
}
