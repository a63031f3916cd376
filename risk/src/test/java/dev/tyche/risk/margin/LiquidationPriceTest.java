package dev.tyche.risk.margin;

import static dev.tyche.risk.margin.BtcTable.TABLE;
import static dev.tyche.risk.margin.BtcTable.d;
import static dev.tyche.risk.margin.PositionDirection.LONG;
import static dev.tyche.risk.margin.PositionDirection.SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.core.id.Asset;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiquidationPriceTest {

  private static Quantity q(String text) {
    return Quantity.parse(text);
  }

  private static Price p(String text) {
    return Price.parse(text);
  }

  @Test
  void workedExampleOfTheReferenceNotes() {
    // Reference notes section 9: isolated long 0.5 at 60000, wallet 3000, MMR 0.4 %, cum 0
    // -> LP = (3000 - 30000) / (0.5 * 0.004 - 0.5) = 27000 / 0.498 = 54216.8674698795...
    Liquidation lp = LiquidationPrice.isolated(TABLE, LONG, q("0.5"), p("60000"), d("3000")).get();
    assertThat(lp.price()).isCloseTo(54216.86746987952, within(1e-6));
    assertThat(lp.bracket().bracket()).isEqualTo(1);
    // "margin balance = maint. margin = 108.43"
    double marginBalance = 3000 + 0.5 * (lp.price() - 60000);
    double maintenance = 0.5 * lp.price() * 0.004;
    assertThat(marginBalance).isCloseTo(108.43, within(0.005));
    assertThat(maintenance).isCloseTo(marginBalance, within(1e-9));
  }

  @Test
  void shortIsolatedHandComputed() {
    // Short 1 at 60000 (notional 60000, tier 2), wallet 6000:
    // LP = (6000 + 50 + 60000) / (0.005 + 1) = 66050 / 1.005 = 65721.3930348..., notional in tier
    // 2.
    Liquidation lp = LiquidationPrice.isolated(TABLE, SHORT, q("1"), p("60000"), d("6000")).get();
    assertThat(lp.price()).isCloseTo(13210000.0 / 201.0, within(1e-8));
    assertThat(lp.bracket().bracket()).isEqualTo(2);
  }

  @Test
  void recomputesWithTheTierOfTheLiquidationNotional() {
    // Long 1 at 55000 (entry notional in tier 2), wallet 11000. With tier 2 the formula gives
    // 43950 / 0.995 = 44170.85, whose notional is in tier 1; with tier 1 it gives
    // 44000 / 0.996 = 44176.7068..., which is in tier 1: that is the answer.
    Liquidation lp = LiquidationPrice.isolated(TABLE, LONG, q("1"), p("55000"), d("11000")).get();
    assertThat(lp.bracket().bracket()).isEqualTo(1);
    assertThat(lp.price()).isCloseTo(44000 / 0.996, within(1e-8));
  }

  @Test
  void aShortLiquidatedBeyondTheTableUsesTheLastTier() {
    // The case MarginPropertiesTest once failed on: a short whose notional at liquidation passes
    // the last cap (1e7). Short 100 at 97600 (notional 9.76e6, tier 4), wallet 488000 (20x):
    // g(1e7) = 488000 - (1e7 - 9.76e6) - (1e7 * 0.025 - 16300) = 14300 > 0, so the root lies
    // beyond the table and the last tier is extrapolated:
    // LP = (488000 + 16300 + 9760000) / (100 * 1.025) = 10264300 / 102.5 = 100139.5121...
    Liquidation lp =
        LiquidationPrice.isolated(TABLE, SHORT, q("100"), p("97600"), d("488000")).get();
    assertThat(lp.bracket().bracket()).isEqualTo(4);
    assertThat(lp.price()).isCloseTo(10264300 / 102.5, within(1e-8));
    assertThat(100 * lp.price()).isGreaterThan(TABLE.maxNotional().toDouble());
    double balance = 488000 - 100 * (lp.price() - 97600);
    double maintenance = 100 * lp.price() * 0.025 - 16300;
    assertThat(balance).isCloseTo(maintenance, within(1e-6));
  }

  @Test
  void aShortLiquidatedExactlyAtTheLastCapStaysInTheLastTier() {
    // Wallet 473700 makes g(1e7) = 473700 - 240000 - 233700 = 0 exactly: LP = 10250000 / 102.5 =
    // 100000 and the liquidation notional is the cap itself, which belongs to tier 4.
    Liquidation lp =
        LiquidationPrice.isolated(TABLE, SHORT, q("100"), p("97600"), d("473700")).get();
    assertThat(lp.bracket().bracket()).isEqualTo(4);
    assertThat(lp.price()).isEqualTo(100000.0);
  }

  @Test
  void aShortLiquidatedExactlyAtAnInnerCapUsesTheLowerTier() {
    // Short 10 at 90000 (notional 900000, tier 3), g(1e6) = W - (1e6 - 9e5) - (1e6 * 0.01 - 1300)
    // = W - 108700, so W = 108700 puts the liquidation at notional 1e6, the cap of tier 3:
    // LP = (108700 + 1300 + 900000) / (10 * 1.01) = 1010000 / 10.1 = 100000.
    Liquidation lp =
        LiquidationPrice.isolated(TABLE, SHORT, q("10"), p("90000"), d("108700")).get();
    assertThat(lp.bracket().bracket()).isEqualTo(3);
    assertThat(lp.price()).isCloseTo(100000.0, within(1e-9));
    // One cent more wallet pushes the root just past the cap, into tier 4 (same price to 1e-8,
    // because the maintenance margin is continuous at the cap).
    Liquidation above =
        LiquidationPrice.isolated(TABLE, SHORT, q("10"), p("90000"), d("108700.01")).get();
    assertThat(above.bracket().bracket()).isEqualTo(4);
    assertThat(above.price()).isGreaterThan(lp.price()).isCloseTo(100000.0, within(1e-2));
  }

  @Test
  void crossSubtractsOtherMaintenanceAndAddsOtherPnl() {
    // WB 10000, TMM1 200, UPNL1 -300 -> WB' 9500; long 1 at 60000, tier 2:
    // (9500 + 50 - 60000) / (0.005 - 1) = 50450 / 0.995 = 50703.5175879...
    Liquidation lp =
        LiquidationPrice.cross(TABLE, LONG, q("1"), p("60000"), d("10000"), d("200"), d("-300"))
            .get();
    assertThat(lp.price()).isCloseTo(50450 / 0.995, within(1e-8));
    assertThat(lp.bracket().bracket()).isEqualTo(2);
    assertThatThrownBy(
            () ->
                LiquidationPrice.cross(
                    TABLE, LONG, q("1"), p("60000"), d("10000"), d("-1"), Decimal.ZERO))
        .hasMessageContaining("otherMaintenance must be >= 0 but was -1");
  }

  @Test
  void aFullyCollateralisedLongIsNeverLiquidated() {
    assertThat(LiquidationPrice.isolated(TABLE, LONG, q("1"), p("60000"), d("60000"))).isEmpty();
    assertThat(LiquidationPrice.isolated(TABLE, LONG, q("1"), p("60000"), d("59999.99")))
        .isPresent();
  }

  @Test
  void aShortBelowMaintenanceAtEveryPriceIsRejected() {
    assertThatThrownBy(
            () -> LiquidationPrice.isolated(TABLE, SHORT, q("1"), p("60000"), d("-60000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already liquidatable");
  }

  @Test
  void zeroQuantityAndNullsAreRejected() {
    assertThatThrownBy(
            () -> LiquidationPrice.isolated(TABLE, LONG, q("0.000"), p("60000"), d("100")))
        .hasMessageContaining("quantity must be > 0 but was 0.000");
    assertThatThrownBy(() -> LiquidationPrice.isolated(TABLE, LONG, q("1"), p("60000"), null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Price.parse("0")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hedgeFormulaHandComputed() {
    // WB 5000; long 1 at 60000 (mmr 0.5 %, cum 50); short 0.5 at 62000 (mmr 0.4 %, cum 0).
    // Margin balance 0.5 P - 24000 = maintenance 0.007 P - 50  ->  P = 23950 / 0.493.
    double lp =
        LiquidationPrice.formula(
            d("5000"),
            Decimal.ZERO,
            Decimal.ZERO,
            List.of(
                new LiquidationPrice.Leg(LONG, q("1"), p("60000"), d("0.005"), d("50")),
                new LiquidationPrice.Leg(SHORT, q("0.5"), p("62000"), d("0.004"), d("0"))));
    assertThat(lp).isCloseTo(23950 / 0.493, within(1e-8));
  }

  @Test
  void hedgeFormulaRejectsCancellingLegsAndEmptyLegs() {
    // Q_L (mmr - 1) + Q_S (mmr + 1) = 0 with mmr 0: equal long and short.
    List<LiquidationPrice.Leg> legs =
        List.of(
            new LiquidationPrice.Leg(LONG, q("1"), p("60000"), d("0"), d("0")),
            new LiquidationPrice.Leg(SHORT, q("1"), p("60000"), d("0"), d("0")));
    assertThatThrownBy(() -> LiquidationPrice.formula(d("1000"), Decimal.ZERO, Decimal.ZERO, legs))
        .hasMessageContaining("no single liquidation price");
    assertThatThrownBy(
            () -> LiquidationPrice.formula(d("1000"), Decimal.ZERO, Decimal.ZERO, List.of()))
        .hasMessageContaining("legs must not be empty");
  }

  @Test
  void conservativePriceRoundsTowardTheEntry() {
    Instrument btc =
        Instrument.builder(BtcTable.BTCUSDT)
            .assets(new Asset("BTC"), new Asset("USDT"))
            .tickSize("0.10")
            .stepSize("0.001")
            .build();
    Liquidation lp = LiquidationPrice.isolated(TABLE, LONG, q("0.5"), p("60000"), d("3000")).get();
    assertThat(lp.conservativePrice(btc)).isEqualTo(Price.parse("54216.90"));
    Liquidation sp = LiquidationPrice.isolated(TABLE, SHORT, q("1"), p("60000"), d("6000")).get();
    assertThat(sp.conservativePrice(btc)).isEqualTo(Price.parse("65721.30"));
  }

  @Test
  void liquidationRecordValidates() {
    LeverageBracket b = TABLE.brackets().get(0);
    assertThatThrownBy(() -> new Liquidation(LONG, Double.NaN, b))
        .hasMessageContaining("price must be finite and > 0 but was NaN");
    assertThatThrownBy(() -> new Liquidation(LONG, 0.0, b)).hasMessageContaining("> 0");
    assertThatThrownBy(() -> new Liquidation(LONG, Double.POSITIVE_INFINITY, b))
        .hasMessageContaining("Infinity");
  }
}
