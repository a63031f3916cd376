package dev.tyche.benchmarks.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.backtest.feed.HistoricalFeeds;
import dev.tyche.backtest.result.BacktestResult;
import dev.tyche.backtest.result.FillRecord;
import dev.tyche.backtest.runner.BacktestRunner;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Side;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Trade;
import org.ta4j.core.TradingRecord;

/** The benchmark compares like with like: both sides take the same trades on the same bars. */
class SmaCrossParityTest {

  @Test
  void tycheAndTa4jTradeAtTheSameBarsAndPrices() {
    SmaCrossData data = new SmaCrossData(5_000, 7L);
    SmaCrossStrategy[] holder = new SmaCrossStrategy[1];
    BacktestResult r =
        BacktestRunner.run(
            SmaCrossRuns.config(
                () -> {
                  holder[0] =
                      new SmaCrossStrategy(
                          SmaCrossData.SYMBOL, Quantity.parse("1.000"), 10, 50, true);
                  return holder[0];
                }),
            HistoricalFeeds.bars("bars", data.bars()));
    BarSeries series = data.ta4jSeries();
    TradingRecord record = SmaCrossRuns.ta4j(series, 10, 50);

    List<Trade> trades = record.getTrades();
    int[] decisions = holder[0].decisions();
    assertThat(trades.size()).isGreaterThan(20);
    // ta4j's trade index is the bar after the decision (TradeOnNextOpenModel); a decision on the
    // very last bar has no next bar on either side.
    List<Integer> tycheFillBars = new ArrayList<>();
    for (int d : decisions) {
      if (d + 1 < data.size()) {
        tycheFillBars.add(d + 1);
      }
    }
    List<Integer> ta4jBars = new ArrayList<>();
    for (Trade t : trades) {
      ta4jBars.add(t.getIndex());
    }
    assertThat(tycheFillBars).isEqualTo(ta4jBars);

    // Tyche's fills: one per ta4j trade, at the same bar's open, alternating buy / sell.
    List<FillRecord> fills = r.fills();
    assertThat(fills).hasSize(trades.size());
    for (int k = 0; k < fills.size(); k++) {
      FillRecord f = fills.get(k);
      Trade t = trades.get(k);
      int bar = t.getIndex();
      assertThat(f.time()).isEqualTo(data.bars().get(bar).closeTime());
      assertThat(f.price().toDouble()).isEqualTo(t.getPricePerAsset().doubleValue());
      assertThat(f.price()).isEqualTo(data.bars().get(bar).open());
      assertThat(f.side()).isEqualTo(k % 2 == 0 ? Side.BUY : Side.SELL);
      assertThat(t.isBuy()).isEqualTo(k % 2 == 0);
    }
    System.out.println(
        "parity: " + trades.size() + " trades on " + data.size() + " bars, identical indices");
  }
}
