package dev.tyche.risk.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.risk.kelly.GaussianKelly;
import dev.tyche.risk.kelly.KellyConstraints;
import dev.tyche.risk.margin.LeverageBracket;
import dev.tyche.risk.margin.LeverageBrackets;
import dev.tyche.risk.margin.Liquidation;
import dev.tyche.risk.margin.LiquidationPrice;
import dev.tyche.risk.margin.PositionDirection;
import dev.tyche.risk.var.VarEstimate;
import dev.tyche.risk.var.VarMethod;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PositionSizerTest {

  static final Symbol BTCUSDT = new Symbol("BTCUSDT");

  static final Instrument BTC = instrument("0.001", "1000", "100");

  static final LeverageBrackets TABLE =
      LeverageBrackets.of(
          BTCUSDT,
          bracket(1, 125, "0", "50000", "0.004", "0"),
          bracket(2, 100, "50000", "250000", "0.005", "50"),
          bracket(3, 50, "250000", "1000000", "0.01", "1300"),
          bracket(4, 20, "1000000", "10000000", "0.025", "16300"));

  static final Price PRICE = Price.parse("50000.0");

  static Instrument instrument(String minQty, String maxQty, String minNotional) {
    return Instrument.builder(BTCUSDT)
        .assets(new Asset("BTC"), new Asset("USDT"))
        .tickSize("0.1")
        .stepSize("0.001")
        .quantityBounds(minQty, maxQty)
        .minNotional(minNotional)
        .build();
  }

  static LeverageBracket bracket(int n, int lev, String floor, String cap, String mmr, String cum) {
    return new LeverageBracket(
        n, lev, Decimal.parse(floor), Decimal.parse(cap), Decimal.parse(mmr), Decimal.parse(cum));
  }

  static SizingRequest.Builder request(PositionDirection direction, String equity, int leverage) {
    return SizingRequest.builder(BTC, TABLE, direction, PRICE, Decimal.parse(equity), leverage);
  }

  @Test
  void everyLimitHandComputedAndTheSmallestBinds() {
    SizingRequest r =
        request(PositionDirection.LONG, "10000", 10)
            // f* = 0.2 / 0.5^2 = 0.8, half Kelly 0.4: 0.4 * 10000 / 50000 = 0.08
            .kelly(GaussianKelly.bet(0.2, 0, 0.5, KellyConstraints.LONG_ONLY.withFraction(0.5)))
            // 0.2 / 0.8 * 10000 / 50000 = 0.05
            .volatilityTarget(new VolatilityTarget(0.2, 0.8))
            // 100 / 2500 = 0.04
            .varBudget(new VarBudget(2500, 100))
            // isolated 10x, 9 %: 0.01 N >= MM(0.91 N) = 0.02275 N - 16300 -> N <= 1278431.37
            // -> Q <= 25.5686 -> 25.568
            .liquidationBuffer(LiquidationBuffer.isolated(0.09))
            .build();
    SizingDecision d = PositionSizer.size(r);
    Map<SizeLimit, Double> c = d.candidates();
    assertThat(c.get(SizeLimit.KELLY)).isCloseTo(0.08, within(1e-12));
    assertThat(c.get(SizeLimit.VOLATILITY_TARGET)).isCloseTo(0.05, within(1e-12));
    assertThat(c.get(SizeLimit.VAR_BUDGET)).isCloseTo(0.04, within(1e-12));
    assertThat(c.get(SizeLimit.LIQUIDATION_DISTANCE)).isCloseTo(25.568, within(1e-9));
    assertThat(c.get(SizeLimit.INITIAL_MARGIN)).isCloseTo(2.0, within(1e-12));
    assertThat(c.get(SizeLimit.MAX_QUANTITY)).isEqualTo(1000.0);
    assertThat(c.get(SizeLimit.BRACKET_MAX_NOTIONAL)).isEqualTo(200.0);
    assertThat(c.keySet()).containsExactly(SizeLimit.values());
    assertThat(d.binding()).isEqualTo(SizeLimit.VAR_BUDGET);
    assertThat(d.quantity()).isEqualTo(Quantity.parse("0.040"));
    assertThat(d.notional().isEqualTo(Decimal.parse("2000"))).isTrue();
    assertThat(d.isZero()).isFalse();
  }

  @Test
  void isolatedLiquidationDistanceIsTheLargestPassingStep() {
    SizingRequest r =
        request(PositionDirection.LONG, "1000000", 10)
            .liquidationBuffer(LiquidationBuffer.isolated(0.09))
            .build();
    SizingDecision d = PositionSizer.size(r);
    assertThat(d.binding()).isEqualTo(SizeLimit.LIQUIDATION_DISTANCE);
    assertThat(d.quantity()).isEqualTo(Quantity.parse("25.568"));
    // Cross-check with the margin package: 25.568 keeps 9 %, 25.569 does not.
    assertThat(isolatedDistance("25.568", 10)).isGreaterThanOrEqualTo(0.09);
    assertThat(isolatedDistance("25.569", 10)).isLessThan(0.09);
  }

  private static double isolatedDistance(String qty, int leverage) {
    Quantity q = Quantity.parse(qty);
    Decimal wallet = LeverageBrackets.initialMargin(PRICE.times(q), leverage);
    Liquidation lp =
        LiquidationPrice.isolated(TABLE, PositionDirection.LONG, q, PRICE, wallet).orElseThrow();
    return 1 - lp.price() / PRICE.toDouble();
  }

  @Test
  void crossLiquidationDistanceHandComputed() {
    // Equity 10000, 20x, 10 %: 10000 - 0.1 N >= MM(0.9 N); in tier 2 (0.9 N in 50k..250k):
    // 10050 >= 0.1045 N -> N <= 96172.25 -> Q <= 1.923445 -> 1.923.
    SizingRequest r =
        request(PositionDirection.LONG, "10000", 20)
            .liquidationBuffer(LiquidationBuffer.cross(0.1, Decimal.ZERO))
            .build();
    SizingDecision d = PositionSizer.size(r);
    assertThat(d.binding()).isEqualTo(SizeLimit.LIQUIDATION_DISTANCE);
    assertThat(d.quantity()).isEqualTo(Quantity.parse("1.923"));
    assertThat(d.candidates().get(SizeLimit.INITIAL_MARGIN)).isCloseTo(4.0, within(1e-12));
    // Other positions' maintenance margin eats into the cross wallet: 500 less -> 9550 / 0.1045.
    SizingDecision less =
        PositionSizer.size(
            request(PositionDirection.LONG, "10000", 20)
                .liquidationBuffer(LiquidationBuffer.cross(0.1, Decimal.parse("500")))
                .build());
    assertThat(less.quantity()).isEqualTo(Quantity.parse("1.827"));
  }

  @Test
  void aShortUsesANegativeKellyFraction() {
    SizingRequest r =
        request(PositionDirection.SHORT, "10000", 10)
            .kelly(GaussianKelly.bet(-0.2, 0, 0.5, KellyConstraints.NONE.withFraction(0.5)))
            .build();
    SizingDecision d = PositionSizer.size(r);
    assertThat(d.binding()).isEqualTo(SizeLimit.KELLY);
    assertThat(d.quantity()).isEqualTo(Quantity.parse("0.080"));
  }

  @Test
  void kellyAgainstTheDirectionGivesZero() {
    SizingRequest r =
        request(PositionDirection.LONG, "10000", 10)
            .kelly(GaussianKelly.bet(-0.2, 0, 0.5, KellyConstraints.NONE))
            .build();
    SizingDecision d = PositionSizer.size(r);
    assertThat(d.isZero()).isTrue();
    assertThat(d.binding()).isEqualTo(SizeLimit.KELLY);
    assertThat(d.notes()).anyMatch(n -> n.contains("does not favour a LONG position"));
  }

  @Test
  void belowMinNotionalBecomesZero() {
    // 4.9 / 2500 = 0.00196 -> 0.001, notional 50 < 100.
    SizingDecision d =
        PositionSizer.size(
            request(PositionDirection.LONG, "10000", 10)
                .varBudget(new VarBudget(2500, 4.9))
                .build());
    assertThat(d.isZero()).isTrue();
    assertThat(d.binding()).isEqualTo(SizeLimit.VAR_BUDGET);
    assertThat(d.notes()).anyMatch(n -> n.contains("below min notional 100 -> zero"));
    // 5 / 2500 = 0.002 -> notional exactly 100: allowed.
    SizingDecision ok =
        PositionSizer.size(
            request(PositionDirection.LONG, "10000", 10).varBudget(new VarBudget(2500, 5)).build());
    assertThat(ok.quantity()).isEqualTo(Quantity.parse("0.002"));
    // 1 / 2500 = 0.0004: less than a step.
    SizingDecision tiny =
        PositionSizer.size(
            request(PositionDirection.LONG, "10000", 10).varBudget(new VarBudget(2500, 1)).build());
    assertThat(tiny.isZero()).isTrue();
    assertThat(tiny.notes()).anyMatch(n -> n.contains("less than one step"));
  }

  @Test
  void belowMinQuantityBecomesZero() {
    Instrument coarse = instrument("0.010", "1000", "0");
    SizingDecision d =
        PositionSizer.size(
            SizingRequest.builder(
                    coarse, TABLE, PositionDirection.LONG, PRICE, Decimal.parse("10000"), 10)
                .varBudget(new VarBudget(2500, 12.5))
                .build());
    assertThat(d.isZero()).isTrue();
    assertThat(d.notes()).anyMatch(n -> n.contains("below minQuantity 0.010 -> zero"));
  }

  @Test
  void exchangeLimitsBind() {
    // Leverage above every tier: no notional allowed.
    SizingDecision tooLevered =
        PositionSizer.size(request(PositionDirection.LONG, "10000", 126).build());
    assertThat(tooLevered.isZero()).isTrue();
    assertThat(tooLevered.binding()).isEqualTo(SizeLimit.BRACKET_MAX_NOTIONAL);
    assertThat(tooLevered.notes()).anyMatch(n -> n.contains("leverage 126"));
    // 125x allows 50000 of notional: 1 BTC, although margin would allow 12500 * 125 / 50000.
    SizingDecision at125 =
        PositionSizer.size(request(PositionDirection.LONG, "12500", 125).build());
    assertThat(at125.binding()).isEqualTo(SizeLimit.BRACKET_MAX_NOTIONAL);
    assertThat(at125.quantity()).isEqualTo(Quantity.parse("1.000"));
    // maxQuantity.
    Instrument small = instrument("0.001", "0.5", "100");
    SizingDecision capped =
        PositionSizer.size(
            SizingRequest.builder(
                    small, TABLE, PositionDirection.LONG, PRICE, Decimal.parse("1000000"), 10)
                .build());
    assertThat(capped.binding()).isEqualTo(SizeLimit.MAX_QUANTITY);
    assertThat(capped.quantity()).isEqualTo(Quantity.parse("0.500"));
    // Initial margin: 10000 * 3 / 50000 = 0.6.
    SizingDecision margin = PositionSizer.size(request(PositionDirection.LONG, "10000", 3).build());
    assertThat(margin.binding()).isEqualTo(SizeLimit.INITIAL_MARGIN);
    assertThat(margin.quantity()).isEqualTo(Quantity.parse("0.600"));
  }

  @Test
  void zeroEquityGivesZero() {
    SizingDecision d = PositionSizer.size(request(PositionDirection.SHORT, "0", 10).build());
    assertThat(d.isZero()).isTrue();
    assertThat(d.binding()).isEqualTo(SizeLimit.INITIAL_MARGIN);
  }

  @Test
  void limitsThatCannotBindAreInfiniteWithANote() {
    SizingDecision d =
        PositionSizer.size(
            request(PositionDirection.LONG, "10000", 5)
                .varBudget(new VarBudget(-10, 100))
                .liquidationBuffer(LiquidationBuffer.isolated(0.01))
                .build());
    assertThat(d.candidates().get(SizeLimit.VAR_BUDGET)).isInfinite();
    assertThat(d.candidates().get(SizeLimit.LIQUIDATION_DISTANCE)).isInfinite();
    assertThat(d.notes()).anyMatch(n -> n.contains("loss budget does not bind"));
    assertThat(d.notes()).anyMatch(n -> n.contains("does not bind"));
    assertThat(d.quantity()).isEqualTo(Quantity.parse("1.000"));
  }

  @Test
  void inputHelpersHandComputed() {
    // sigma = 0.02 * sqrt(365) = 0.38209946...
    assertThat(VolatilityTarget.ofPeriodSigma(0.2, 0.02, 365).instrumentAnnualVol())
        .isCloseTo(0.02 * Math.sqrt(365), within(1e-15));
    // ATR 1000 at 50000: 0.02 / sqrt(8/pi) = 0.0125331 per day -> 0.2394453 a year.
    VolatilityTarget atr = VolatilityTarget.ofAtr(0.2, 1000, 50000, 365);
    assertThat(atr.instrumentAnnualVol()).isCloseTo(0.23944532972687882, within(1e-12));
    assertThat(atr.notionalPerEquity()).isCloseTo(0.2 / 0.23944532972687882, within(1e-12));
    VarEstimate est = new VarEstimate(VarMethod.GAUSSIAN, 0.99, 0.05, 0.06);
    assertThat(VarBudget.ofEstimate(est, false, PRICE, 100).perUnitLoss())
        .isCloseTo(2500, within(1e-9));
    assertThat(VarBudget.ofEstimate(est, true, PRICE, 100).maxQuantity())
        .isCloseTo(100 / 3000.0, within(1e-15));
    assertThat(LiquidationBuffer.distanceOfSigmas(3, 0.03)).isCloseTo(0.09, within(1e-15));
  }

  @Test
  void badInputIsRejected() {
    assertThatThrownBy(() -> request(PositionDirection.LONG, "-1", 10).build())
        .hasMessageContaining("equity must be >= 0 but was -1");
    assertThatThrownBy(() -> request(PositionDirection.LONG, "100", 0).build())
        .hasMessageContaining("leverage must be >= 1 but was 0");
    assertThatThrownBy(() -> Price.parse("0.0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new VolatilityTarget(Double.NaN, 0.5))
        .hasMessageContaining("targetAnnualVol must be finite and > 0 but was NaN");
    assertThatThrownBy(() -> new VolatilityTarget(0.2, Double.POSITIVE_INFINITY))
        .hasMessageContaining("instrumentAnnualVol");
    assertThatThrownBy(() -> new VolatilityTarget(0.2, 0)).hasMessageContaining("> 0 but was 0");
    assertThatThrownBy(() -> VolatilityTarget.ofPeriodSigma(0.2, 0.01, Double.NaN))
        .hasMessageContaining("periodsPerYear");
    assertThatThrownBy(() -> VolatilityTarget.ofAtr(0.2, -1, 100, 365))
        .hasMessageContaining("atr must be finite and > 0 but was -1");
    assertThatThrownBy(() -> new VarBudget(Double.NaN, 1))
        .hasMessageContaining("perUnitLoss must be finite but was NaN");
    assertThatThrownBy(() -> new VarBudget(1, -1))
        .hasMessageContaining("budget must be finite and >= 0 but was -1");
    assertThatThrownBy(() -> new VarBudget(1, Double.POSITIVE_INFINITY))
        .hasMessageContaining("budget must be finite");
    assertThatThrownBy(() -> LiquidationBuffer.isolated(0))
        .hasMessageContaining("minDistance must be in (0, 1) but was 0");
    assertThatThrownBy(() -> LiquidationBuffer.isolated(1)).hasMessageContaining("(0, 1)");
    assertThatThrownBy(() -> LiquidationBuffer.cross(Double.NaN, Decimal.ZERO))
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> LiquidationBuffer.cross(0.1, Decimal.parse("-1")))
        .hasMessageContaining("otherMaintenance must be >= 0");
    assertThatThrownBy(
            () ->
                new LiquidationBuffer(
                    0.1, dev.tyche.risk.margin.MarginMode.ISOLATED, Decimal.parse("1")))
        .hasMessageContaining("must be 0 for an isolated position");
    assertThatThrownBy(() -> LiquidationBuffer.distanceOfSigmas(Double.POSITIVE_INFINITY, 0.1))
        .hasMessageContaining("k must be finite");
    LeverageBrackets eth =
        LeverageBrackets.of(new Symbol("ETHUSDT"), bracket(1, 50, "0", "1000", "0.01", "0"));
    assertThatThrownBy(
            () ->
                SizingRequest.builder(
                        BTC, eth, PositionDirection.LONG, PRICE, Decimal.parse("1"), 1)
                    .build())
        .hasMessageContaining("brackets must belong to BTCUSDT but belong to ETHUSDT");
    assertThatThrownBy(() -> PositionSizer.size(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void decisionValidatesItsFields() {
    Quantity zero = Quantity.zero(3);
    assertThatThrownBy(
            () ->
                new SizingDecision(
                    zero,
                    Decimal.ZERO,
                    Map.of(SizeLimit.KELLY, 0.0),
                    SizeLimit.VAR_BUDGET,
                    java.util.List.of()))
        .hasMessageContaining("binding limit VAR_BUDGET");
    assertThatThrownBy(
            () ->
                new SizingDecision(
                    zero,
                    Decimal.ZERO,
                    Map.of(SizeLimit.KELLY, -1.0),
                    SizeLimit.KELLY,
                    java.util.List.of()))
        .hasMessageContaining("candidate KELLY must be >= 0");
    assertThatThrownBy(
            () ->
                new SizingDecision(
                    zero,
                    Decimal.ZERO,
                    Map.of(SizeLimit.KELLY, Double.NaN),
                    SizeLimit.KELLY,
                    java.util.List.of()))
        .hasMessageContaining("NaN");
    assertThat(
            new SizingDecision(
                    zero,
                    Decimal.ZERO,
                    Map.of(SizeLimit.KELLY, 0.0),
                    SizeLimit.KELLY,
                    java.util.List.of())
                .candidates())
        .isUnmodifiable();
  }
}
