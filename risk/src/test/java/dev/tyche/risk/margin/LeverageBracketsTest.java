package dev.tyche.risk.margin;

import static dev.tyche.risk.margin.BtcTable.BTCUSDT;
import static dev.tyche.risk.margin.BtcTable.TABLE;
import static dev.tyche.risk.margin.BtcTable.bracket;
import static dev.tyche.risk.margin.BtcTable.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.num.Decimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeverageBracketsTest {

  @Test
  void aNotionalExactlyAtACapBelongsToTheLowerBracket() {
    assertThat(TABLE.bracketFor(d("50000")).orElseThrow().bracket()).isEqualTo(1);
    assertThat(TABLE.bracketFor(d("50000.01")).orElseThrow().bracket()).isEqualTo(2);
    assertThat(TABLE.bracketFor(Decimal.ZERO).orElseThrow().bracket()).isEqualTo(1);
    assertThat(TABLE.bracketFor(d("250000")).orElseThrow().bracket()).isEqualTo(2);
    assertThat(TABLE.bracketFor(d("10000000")).orElseThrow().bracket()).isEqualTo(4);
    assertThat(TABLE.bracketFor(d("10000000.00000001"))).isEmpty();
    assertThat(TABLE.maxNotional()).isEqualTo(d("10000000"));
  }

  @Test
  void maintenanceMarginIsNotionalTimesRateMinusCumAndContinuousAtCaps() {
    // At 50000 both tiers agree: 50000 * 0.004 - 0 = 200 = 50000 * 0.005 - 50.
    assertThat(TABLE.maintenanceMargin(d("50000")).isEqualTo(d("200"))).isTrue();
    assertThat(TABLE.brackets().get(1).maintenanceMargin(d("50000")).isEqualTo(d("200"))).isTrue();
    // 300000 in tier 3: 300000 * 0.01 - 1300 = 1700.
    assertThat(TABLE.maintenanceMargin(d("300000")).isEqualTo(d("1700"))).isTrue();
    // 30000 * 0.004 = 120.
    assertThat(TABLE.maintenanceMargin(d("30000")).isEqualTo(d("120"))).isTrue();
    assertThatThrownBy(() -> TABLE.maintenanceMargin(d("20000000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("notional must be <=");
  }

  @Test
  void initialMarginIsNotionalOverLeverageRoundedUpToEightDecimals() {
    assertThat(LeverageBrackets.initialMargin(d("60000"), 125).isEqualTo(d("480"))).isTrue();
    assertThat(LeverageBrackets.initialMargin(d("1000"), 3)).isEqualTo(d("333.33333334"));
    assertThat(LeverageBrackets.initialMargin(d("0.000000001"), 1)).isEqualTo(d("0.000000001"));
    assertThatThrownBy(() -> LeverageBrackets.initialMargin(d("1000"), 0))
        .hasMessageContaining("leverage must be >= 1 but was 0");
    assertThatThrownBy(() -> LeverageBrackets.initialMargin(d("-1"), 2))
        .hasMessageContaining("notional must be >= 0 but was -1");
  }

  @Test
  void maxNotionalAtLeverageIsTheCapOfTheLastTierAllowingIt() {
    assertThat(TABLE.maxNotionalAtLeverage(125)).isEqualTo(d("50000"));
    assertThat(TABLE.maxNotionalAtLeverage(101)).isEqualTo(d("50000"));
    assertThat(TABLE.maxNotionalAtLeverage(100)).isEqualTo(d("250000"));
    assertThat(TABLE.maxNotionalAtLeverage(50)).isEqualTo(d("1000000"));
    assertThat(TABLE.maxNotionalAtLeverage(20)).isEqualTo(d("10000000"));
    assertThat(TABLE.maxNotionalAtLeverage(1)).isEqualTo(d("10000000"));
    assertThat(TABLE.maxNotionalAtLeverage(126).signum()).isZero();
    assertThatThrownBy(() -> TABLE.maxNotionalAtLeverage(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void leverageAboveTheTierOfTheNotionalIsRefused() {
    assertThat(TABLE.leverageViolation(125, d("50000"))).isEmpty();
    assertThat(TABLE.leverageViolation(125, d("50000.01")).orElseThrow())
        .contains("above the initialLeverage 100 of bracket 2");
    assertThat(TABLE.leverageViolation(100, d("250000"))).isEmpty();
    assertThat(TABLE.leverageViolation(51, d("250001"))).isPresent();
    assertThat(TABLE.leverageViolation(20, d("20000000")).orElseThrow())
        .contains("above the largest bracket cap");
    assertThat(TABLE.leverageViolation(0, d("1")).orElseThrow()).contains("below 1");
    assertThat(TABLE.maxLeverage(d("1000000"))).isEqualTo(50);
    assertThat(TABLE.maxLeverage(d("1000000.5"))).isEqualTo(20);
  }

  @Test
  void negativeNotionalIsRejected() {
    assertThatThrownBy(() -> TABLE.bracketFor(d("-0.01")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("notional must be >= 0 but was -0.01");
  }

  @Test
  void tablesThatAreNotContiguousOrStartAboveZeroAreRejected() {
    assertThatThrownBy(
            () ->
                LeverageBrackets.of(
                    BTCUSDT,
                    bracket(1, 125, "0", "50000", "0.004", "0"),
                    bracket(2, 100, "60000", "250000", "0.005", "50")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must equal the previous notionalCap 50000");
    assertThatThrownBy(
            () -> LeverageBrackets.of(BTCUSDT, bracket(1, 125, "10", "50000", "0.004", "0")))
        .hasMessageContaining("notionalFloor of bracket 1 of BTCUSDT must be 0 but was 10");
    assertThatThrownBy(
            () ->
                LeverageBrackets.of(
                    BTCUSDT,
                    bracket(1, 125, "0", "50000", "0.004", "0"),
                    bracket(3, 100, "50000", "250000", "0.005", "50")))
        .hasMessageContaining("numbered 1..n");
    assertThatThrownBy(() -> new LeverageBrackets(BTCUSDT, List.of()))
        .hasMessageContaining("must not be empty");
  }

  @Test
  void tablesWithInconsistentRatesLeverageOrCumAreRejected() {
    assertThatThrownBy(
            () ->
                LeverageBrackets.of(
                    BTCUSDT,
                    bracket(1, 125, "0", "50000", "0.004", "0"),
                    bracket(2, 100, "50000", "250000", "0.005", "49")))
        .hasMessageContaining("cum of bracket 2 of BTCUSDT")
        .hasMessageContaining("= 50.000 but was 49");
    assertThatThrownBy(
            () ->
                LeverageBrackets.of(
                    BTCUSDT,
                    bracket(1, 125, "0", "50000", "0.004", "0"),
                    bracket(2, 100, "50000", "250000", "0.003", "0")))
        .hasMessageContaining("maintMarginRatio of bracket 2");
    assertThatThrownBy(
            () ->
                LeverageBrackets.of(
                    BTCUSDT,
                    bracket(1, 50, "0", "50000", "0.004", "0"),
                    bracket(2, 100, "50000", "250000", "0.005", "50")))
        .hasMessageContaining("initialLeverage of bracket 2");
    assertThatThrownBy(() -> LeverageBrackets.of(BTCUSDT, bracket(1, 125, "0", "5", "0.004", "1")))
        .hasMessageContaining("cum of bracket 1 of BTCUSDT must be 0");
  }

  @Test
  void singleBracketFieldsAreValidated() {
    assertThatThrownBy(() -> bracket(0, 125, "0", "5", "0.004", "0"))
        .hasMessageContaining("bracket must be >= 1 but was 0");
    assertThatThrownBy(() -> bracket(1, 0, "0", "5", "0.004", "0"))
        .hasMessageContaining("initialLeverage must be >= 1 but was 0");
    assertThatThrownBy(() -> bracket(1, 10, "5", "5", "0.004", "0"))
        .hasMessageContaining("notionalCap must be > notionalFloor 5 but was 5");
    assertThatThrownBy(() -> bracket(1, 10, "-1", "5", "0.004", "0"))
        .hasMessageContaining("notionalFloor must be >= 0");
    assertThatThrownBy(() -> bracket(1, 10, "0", "5", "1", "0"))
        .hasMessageContaining("maintMarginRatio must be in [0, 1) but was 1");
    assertThatThrownBy(() -> bracket(1, 10, "0", "5", "-0.1", "0"))
        .hasMessageContaining("maintMarginRatio must be in [0, 1)");
    assertThatThrownBy(() -> bracket(1, 10, "0", "5", "0.1", "-2"))
        .hasMessageContaining("cum must be >= 0 but was -2");
    assertThatThrownBy(() -> new LeverageBracket(1, 10, null, d("5"), d("0.1"), Decimal.ZERO))
        .isInstanceOf(NullPointerException.class);
  }
}
