package dev.tyche.backtest.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.backtest.feed.HistoricalFeeds;
import dev.tyche.backtest.report.HtmlReport;
import dev.tyche.backtest.report.ReportOptions;
import dev.tyche.backtest.result.BacktestResult;
import dev.tyche.backtest.result.FundingRecord;
import dev.tyche.backtest.result.RegimeSeries;
import dev.tyche.backtest.result.ResultWriter;
import dev.tyche.core.data.FundingRateCsvReader;
import dev.tyche.core.data.KlineCsvOptions;
import dev.tyche.core.data.KlineCsvReader;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.FundingRate;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.strategy.StrategyId;
import dev.tyche.core.time.BarInterval;
import dev.tyche.execution.sim.FeeSchedule;
import dev.tyche.execution.sim.FillModel;
import dev.tyche.execution.sim.SimulatedVenueConfig;
import dev.tyche.execution.sim.SlippageModel;
import dev.tyche.strategy.allocation.MarketRegime;
import dev.tyche.strategy.signal.ExecutionSettings;
import dev.tyche.strategy.signal.OrderStyle;
import dev.tyche.strategy.signal.SignalStrategy;
import dev.tyche.strategy.trend.TrendFollowingParameters;
import dev.tyche.strategy.trend.TrendFollowingSignal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real-data run: Binance USDT-M BTCUSDT perpetual 1h bars, 2023-01-01 .. 2023-05-01 UTC, with the
 * real funding-rate history applied at its funding times, the trend-following signal strategy (EMA
 * 20/50, 3 ATR stop, long and short), Binance VIP 0 fees and 1 bp + square-root impact slippage.
 * Writes the JSON/CSV results and the HTML report to {@code target/backtest-report}.
 */
class RealDataBacktestTest {
  private static final Path DATA =
      Paths.get(System.getProperty("tyche.data.dir", "../shared/data"));
  private static final Symbol BTC = Symbol.of("BTCUSDT");
  private static final long FROM = 1_672_531_200_000L; // 2023-01-01T00:00Z
  private static final long TO = 1_682_899_200_000L; // 2023-05-01T00:00Z

  static BacktestResult runBtc() throws IOException {
    List<Bar> bars =
        HistoricalFeeds.window(
            KlineCsvReader.readBars(
                DATA.resolve("binance-futures-um-BTCUSDT-1h.csv.gz"),
                KlineCsvOptions.of(BTC, "1h")),
            FROM,
            TO);
    List<FundingRate> funding =
        HistoricalFeeds.window(
            FundingRateCsvReader.read(
                DATA.resolve("binance-futures-um-BTCUSDT-fundingRate.csv.gz"), BTC),
            FROM,
            TO);
    Instrument perp =
        Instrument.builder(BTC)
            .assets(Asset.of("BTC"), Asset.USDT)
            .tickSize("0.10")
            .stepSize("0.001")
            .build();
    SimulatedVenueConfig venue =
        SimulatedVenueConfig.of(
                new FillModel.Bars(FillModel.BarFillPrice.NEXT_OPEN, new SlippageModel(1.0, 10.0)))
            .withFees(FeeSchedule.BINANCE_VIP0)
            .withSeed(7);
    // A coarse, causal regime label for the report's shading: the sign of the trailing 7-day
    // return, known at each day's last bar close (no look-ahead).
    List<Long> times = new ArrayList<>();
    List<MarketRegime> labels = new ArrayList<>();
    for (int i = 168; i < bars.size(); i += 24) {
      double r = bars.get(i).close().toDouble() / bars.get(i - 168).close().toDouble() - 1;
      MarketRegime m =
          r > 0.03
              ? MarketRegime.BULL_LOW_VOL
              : r < -0.03 ? MarketRegime.BEAR_LOW_VOL : MarketRegime.SIDEWAYS_LOW_VOL;
      if (labels.isEmpty() || labels.get(labels.size() - 1) != m) {
        times.add(bars.get(i).closeTime());
        labels.add(m);
      }
    }
    long[] t = times.stream().mapToLong(Long::longValue).toArray();
    BacktestConfig config =
        BacktestConfig.of(
                "BTCUSDT 1h trend following, 2023-01..2023-04",
                perp,
                Money.of(Asset.USDT, Decimal.parse("10000")),
                venue,
                StrategyId.of("trend"),
                () ->
                    SignalStrategy.single(
                        StrategyId.of("trend"),
                        new TrendFollowingSignal(
                            TrendFollowingParameters.defaults(BTC, BarInterval.HOUR_1)),
                        new ExecutionSettings(OrderStyle.MARKET, 1.0, 0.05, 0)),
                24 * 365.0)
            .withRegimes(RegimeSeries.ofRegimes(t, labels));
    return BacktestRunner.run(
        config,
        List.of(
            HistoricalFeeds.bars("BTCUSDT-1h", bars),
            HistoricalFeeds.fundingRates("funding", funding)));
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void trendFollowingOnFourMonthsOfBtcWithRealFunding() throws IOException {
    BacktestResult r = runBtc();

    // 120 days of hourly bars, one sample per bar close.
    assertThat(r.equity().size()).isEqualTo(120 * 24);
    assertThat(r.fills()).hasSizeGreaterThan(5);
    assertThat(r.metrics()).isPresent();
    assertThat(r.metrics().get().periodsPerYear()).isEqualTo(8760.0);
    assertThat(r.metrics().get().returnCount()).isEqualTo(120 * 24 - 1);
    // Funding applied at the data's funding times (every 8 h, with Binance's few ms of jitter),
    // with the data's rates.
    assertThat(r.funding()).hasSizeGreaterThan(50);
    for (FundingRecord f : r.funding()) {
      long offset = Math.floorMod(f.fundingTime(), 8 * 3_600_000L);
      assertThat(offset).isLessThan(1_000L);
    }
    assertThat(r.funding().stream().map(FundingRecord::rate).distinct().count()).isGreaterThan(5);
    assertThat(r.costs().totalFees().signum()).isPositive();
    assertThat(r.costs().funding().isZero()).isFalse();
    // The ledger identity holds: the final equity is the deposit plus the strategy's PnL.
    assertThat(r.byStrategy().get(0).pnl())
        .isCloseTo(r.pnl().amount().toDouble(), org.assertj.core.api.Assertions.within(1e-6));

    Path out = Paths.get("target", "backtest-report");
    ResultWriter.writeAll(r, out);
    HtmlReport.write(
        r,
        ReportOptions.titled("Tyche backtest: BTCUSDT 1h trend following"),
        out.resolve("report.html"));
    assertThat(Files.size(out.resolve("report.html"))).isGreaterThan(10_000);
    System.out.printf(
        java.util.Locale.ROOT,
        "real-data backtest BTCUSDT 1h 2023-01..04: %d fills, %d funding payments, return %.2f %%,"
            + " fees %s, funding %s, slippage %s, max drawdown %.2f %%%n",
        r.fills().size(),
        r.funding().size(),
        100 * r.totalReturn(),
        r.costs().totalFees().amount().toPlainString(),
        r.costs().funding().amount().toPlainString(),
        r.costs().slippage().amount().toPlainString(),
        100 * r.equity().maxDrawdown());
  }
}
