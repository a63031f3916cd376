package dev.tyche.backtest.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Liquidity;
import dev.tyche.core.order.Side;
import dev.tyche.strategy.allocation.MarketRegime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultWriterTest {
  static final Symbol BTC = Symbol.of("BTCUSDT");

  static BacktestResult small() {
    long[] t = {1000, 2000, 3000};
    double[] e = {100, 110, 99};
    Money usdt = Money.of(Asset.USDT, Decimal.parse("100"));
    FillRecord f =
        new FillRecord(
            1500,
            "a,\"b\"",
            "c-1",
            BTC,
            Side.BUY,
            Price.parse("20000.1"),
            Quantity.parse("0.010"),
            Money.of(Asset.USDT, Decimal.parse("0.10000500")),
            Liquidity.TAKER,
            Optional.empty(),
            Money.zero(Asset.USDT, 0),
            false);
    FundingRecord fr =
        new FundingRecord(
            2500,
            BTC,
            Decimal.parse("0.0001"),
            Price.parse("20000.0"),
            Money.of(Asset.USDT, Decimal.parse("-0.02")));
    return new BacktestResult(
        "n\"1\"\n",
        usdt,
        Money.of(Asset.USDT, Decimal.parse("99")),
        8760,
        EquityCurve.of(t, e, new double[] {0, 1, Double.NaN}, new double[] {0, 1, 0}),
        List.of(f),
        List.of(fr),
        new CostSummary(Money.zero(Asset.USDT, 0), f.fee(), fr.amount(), Money.zero(Asset.USDT, 0)),
        List.of(new Contribution("a", -1, 0.1, -0.02, 0, 1, 3)),
        List.of(),
        List.of(new StrategySeries("a", new double[] {0, 10, -1}, new double[] {0, 1, 0})),
        Optional.of(RegimeSeries.ofRegimes(new long[] {0}, List.of(MarketRegime.SIDEWAYS_LOW_VOL))),
        Optional.empty(),
        1,
        0,
        List.of("1 1000 DEPOSIT - 100 USDT"));
  }

  @Test
  void jsonIsEscapedExactAndWritesNonFiniteAsNull() {
    String json = ResultWriter.toJson(small());
    assertThat(json).startsWith("{\"name\":\"n\\\"1\\\"\\n\"");
    assertThat(json).contains("\"initialEquity\":100,").contains("\"finalEquity\":99,");
    assertThat(json).contains("\"fee\":0.10000500").contains("\"price\":20000.1");
    assertThat(json).contains("\"decisionPrice\":null").contains("\"metrics\":null");
    assertThat(json).contains("\"grossExposure\":[0.0,1.0,null]");
    assertThat(json).contains("\"label\":[\"SIDEWAYS_LOW_VOL\"]");
    assertThat(json).contains("\"disclaimer\":\"Historical simulation");
    assertThat(json).doesNotContain("NaN");
    // Balanced brackets outside strings (a cheap well-formedness check).
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '\\') {
        i++;
        continue;
      }
      if (c == '"') {
        inString = !inString;
      } else if (!inString && (c == '{' || c == '[')) {
        depth++;
      } else if (!inString && (c == '}' || c == ']')) {
        depth--;
        assertThat(depth).isGreaterThanOrEqualTo(0);
      }
    }
    assertThat(depth).isZero();
    assertThat(inString).isFalse();
  }

  @Test
  void csvFilesHaveHeadersQuotingAndEmptyCellsForNonFinite(@TempDir Path dir) throws Exception {
    BacktestResult r = small();
    assertThat(ResultWriter.equityCsv(r))
        .isEqualTo(
            "time,equity,drawdown,gross_exposure,net_exposure\n"
                + "1000,100.0,0.0,0.0,0.0\n"
                + "2000,110.0,0.0,1.0,1.0\n"
                + "3000,99.0,"
                + (1 - 99.0 / 110.0)
                + ",,0.0\n");
    assertThat(ResultWriter.fillsCsv(r))
        .endsWith(
            "1500,\"a,\"\"b\"\"\",c-1,BTCUSDT,BUY,20000.1,0.010,0.10000500,USDT,TAKER,,0,false\n");
    assertThat(ResultWriter.fundingCsv(r))
        .isEqualTo(
            "funding_time,symbol,rate,mark_price,amount\n2500,BTCUSDT,0.0001,20000.0,-0.02\n");
    ResultWriter.writeAll(r, dir);
    for (String f : List.of("result.json", "equity.csv", "fills.csv", "funding.csv")) {
      assertThat(Files.readString(dir.resolve(f), StandardCharsets.UTF_8)).isNotEmpty();
    }
  }

  @Test
  void equityCurveComputesDrawdownsAndRejectsBadInput() {
    EquityCurve c =
        EquityCurve.of(
            new long[] {1, 2, 3, 4},
            new double[] {100, 120, 90, 130},
            new double[4],
            new double[4]);
    assertThat(c.drawdown()).containsExactly(0.0, 0.0, 0.25, 0.0);
    assertThat(c.maxDrawdown()).isEqualTo(0.25);
    assertThat(c)
        .isEqualTo(
            EquityCurve.of(
                new long[] {1, 2, 3, 4},
                new double[] {100, 120, 90, 130},
                new double[4],
                new double[4]));
    assertThat(c.hashCode()).isEqualTo(c.hashCode());
    assertThatThrownBy(
            () -> EquityCurve.of(new long[] {2, 1}, new double[2], new double[2], new double[2]))
        .hasMessageContaining("strictly increasing");
    assertThatThrownBy(
            () ->
                EquityCurve.of(
                    new long[] {1}, new double[] {Double.NaN}, new double[1], new double[1]))
        .hasMessageContaining("equity[0] must be finite but was NaN");
    assertThatThrownBy(
            () -> EquityCurve.of(new long[] {1}, new double[2], new double[1], new double[1]))
        .hasMessageContaining("length");
  }

  @Test
  void regimeSeriesIsAStepFunctionAndRegimeContributionsSumToTheCurveChange() {
    RegimeSeries r = new RegimeSeries(new long[] {10, 20}, List.of("a", "b"));
    assertThat(r.labelAt(9)).isEmpty();
    assertThat(r.labelAt(10)).contains("a");
    assertThat(r.labelAt(19)).contains("a");
    assertThat(r.labelAt(25)).contains("b");
    EquityCurve c =
        EquityCurve.of(
            new long[] {5, 10, 15, 20, 30},
            new double[] {100, 101, 103, 99, 104},
            new double[5],
            new double[5]);
    List<Contribution> by = Contributions.byRegime(c, r);
    assertThat(by).extracting(Contribution::key).containsExactly(Contributions.NO_REGIME, "a", "b");
    assertThat(by).extracting(Contribution::pnl).containsExactly(1.0, -2.0, 5.0);
    assertThat(by).extracting(Contribution::periods).containsExactly(1, 2, 1);
    assertThatThrownBy(() -> new RegimeSeries(new long[] {2, 2}, List.of("a", "b")))
        .hasMessageContaining("strictly increasing");
    assertThatThrownBy(() -> new RegimeSeries(new long[] {2}, List.of("a", "b")))
        .hasMessageContaining("equal lengths");
  }

  @Test
  void valueRecordsValidate() {
    assertThatThrownBy(() -> new Contribution("a", 0, 0, 0, 0, -1, 0))
        .hasMessageContaining("fills");
    assertThatThrownBy(() -> new Contribution("a", 0, 0, 0, 0, 0, -1))
        .hasMessageContaining("periods");
    assertThatThrownBy(() -> new StrategySeries("a", new double[1], new double[2]))
        .hasMessageContaining("equal lengths");
    BacktestResult r = small();
    assertThat(r.pnl().amount().toDouble()).isEqualTo(-1.0);
    assertThat(r.totalReturn()).isCloseTo(-0.01, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(r.fills().get(0).notional())
        .isCloseTo(200.001, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(r.costs().totalFees()).isEqualTo(r.fills().get(0).fee());
    assertThat(r.strategySeries().get(0)).isEqualTo(small().strategySeries().get(0));
  }
}
