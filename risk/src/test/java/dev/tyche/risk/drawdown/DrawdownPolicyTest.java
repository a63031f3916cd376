package dev.tyche.risk.drawdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DrawdownPolicyTest {

  private static DrawdownTier tier(String name, double threshold, double mult, boolean kill) {
    return new DrawdownTier(name, threshold, mult, kill);
  }

  @Test
  void standardTableMatchesTheDocumentedExample() {
    DrawdownPolicy p = DrawdownPolicy.standard();
    assertThat(p.tiers())
        .extracting(DrawdownTier::name)
        .containsExactly("mild", "moderate", "severe");
    assertThat(p.tiers()).extracting(DrawdownTier::threshold).containsExactly(0.05, 0.10, 0.20);
    assertThat(p.tiers())
        .extracting(DrawdownTier::exposureMultiplier)
        .containsExactly(0.75, 0.5, 0.0);
    assertThat(p.tiers()).extracting(DrawdownTier::killSwitch).containsExactly(false, false, true);
    assertThat(p.rawTierIndex(0.0)).isEqualTo(-1);
    assertThat(p.rawTierIndex(0.05)).isEqualTo(0);
    assertThat(p.rawTierIndex(0.199)).isEqualTo(1);
    assertThat(p.rawTierIndex(3.0)).isEqualTo(2);
    assertThatThrownBy(() -> p.rawTierIndex(Double.NaN))
        .hasMessageContaining("drawdown must not be NaN");
  }

  @Test
  void rejectsInvalidTiers() {
    assertThatThrownBy(() -> tier(" ", 0.1, 0.5, false))
        .hasMessageContaining("name must not be blank");
    assertThatThrownBy(() -> tier(null, 0.1, 0.5, false)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> tier("a", 0.0, 0.5, false))
        .hasMessageContaining("threshold of tier a must be in (0, 1] but was 0.0");
    assertThatThrownBy(() -> tier("a", -0.1, 0.5, false)).hasMessageContaining("threshold");
    assertThatThrownBy(() -> tier("a", Double.NaN, 0.5, false)).hasMessageContaining("threshold");
    assertThatThrownBy(() -> tier("a", 1.5, 0.5, false)).hasMessageContaining("threshold");
    assertThatThrownBy(() -> tier("a", 0.1, 1.01, false))
        .hasMessageContaining("exposureMultiplier of tier a must be in [0, 1] but was 1.01");
    assertThatThrownBy(() -> tier("a", 0.1, -0.5, false))
        .hasMessageContaining("exposureMultiplier");
    assertThatThrownBy(() -> tier("a", 0.1, Double.NaN, false))
        .hasMessageContaining("exposureMultiplier");
  }

  @Test
  void rejectsInvalidTables() {
    assertThatThrownBy(
            () ->
                new DrawdownPolicy(
                    List.of(tier("a", 0.1, 0.5, false), tier("b", 0.1, 0.4, false)), 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("thresholds must increase strictly but b has 0.1 after a with 0.1");
    assertThatThrownBy(
            () ->
                new DrawdownPolicy(
                    List.of(tier("a", 0.2, 0.5, false), tier("b", 0.1, 0.4, false)), 0.0))
        .hasMessageContaining("thresholds must increase strictly");
    assertThatThrownBy(
            () ->
                new DrawdownPolicy(
                    List.of(tier("a", 0.1, 0.5, false), tier("b", 0.2, 0.6, false)), 0.0))
        .hasMessageContaining("multipliers must not increase but b has 0.6 after a with 0.5");
    assertThatThrownBy(
            () ->
                new DrawdownPolicy(
                    List.of(tier("a", 0.1, 0.0, true), tier("b", 0.2, 0.0, false)), 0.0))
        .hasMessageContaining("must engage the kill switch too but b follows a");
    assertThatThrownBy(
            () ->
                new DrawdownPolicy(
                    List.of(tier("a", 0.1, 0.5, false), tier("a", 0.2, 0.4, false)), 0.0))
        .hasMessageContaining("names must be distinct but a repeats");
    assertThatThrownBy(() -> DrawdownPolicy.standard().withHysteresis(0.05))
        .hasMessageContaining("hysteresis must be < the first threshold 0.05 but was 0.05");
    assertThatThrownBy(() -> DrawdownPolicy.standard().withHysteresis(-0.01))
        .hasMessageContaining("hysteresis must be finite and >= 0 but was -0.01");
    assertThatThrownBy(() -> DrawdownPolicy.standard().withHysteresis(Double.NaN))
        .hasMessageContaining("hysteresis");
    assertThatThrownBy(() -> new DrawdownPolicy(null, 0.0))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () -> new DrawdownPolicy(java.util.Arrays.asList(tier("a", 0.1, 1, false), null), 0.0))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void stateRejectsInconsistentValues() {
    assertThatThrownBy(() -> state(100, 0, 0, 0, 0, 0)).hasMessageContaining("peak must be");
    assertThatThrownBy(() -> state(90, 100, 0.1, 0.05, 0, 0))
        .hasMessageContaining("need 0 <= drawdown <= maxDrawdown");
    assertThatThrownBy(() -> state(110, 100, 0, 0, 0, 0))
        .hasMessageContaining("equity must be finite and <= peak 100.0 but was 110.0");
    assertThatThrownBy(() -> state(90, 100, 0.1, 0.1, 5, 4))
        .hasMessageContaining("timeUnderWaterMillis");
    assertThat(state(90, 100, 0.1, 0.2, 4, 5).drawdown()).isEqualTo(0.1);
  }

  private static DrawdownState state(
      double equity, double peak, double dd, double maxDd, long under, long maxUnder) {
    return new DrawdownState(0, equity, peak, dd, maxDd, under, maxUnder, -1, "", 1.0, false);
  }
}
