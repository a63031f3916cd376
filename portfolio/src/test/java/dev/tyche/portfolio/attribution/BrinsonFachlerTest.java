package dev.tyche.portfolio.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrinsonFachlerTest {

  /** Two sleeves: trend (overweight, outperformed) and carry (underweight). */
  private static Map<String, SegmentReturns> period1() {
    Map<String, SegmentReturns> m = new LinkedHashMap<>();
    m.put("trend", new SegmentReturns(0.7, 0.5, 0.04, 0.03));
    m.put("carry", new SegmentReturns(0.3, 0.5, 0.01, 0.02));
    return m;
  }

  @Test
  void singlePeriodByHand() {
    // R_p = 0.7*0.04 + 0.3*0.01 = 0.031; R_b = 0.5*0.03 + 0.5*0.02 = 0.025.
    PeriodAttribution<String> a = BrinsonFachler.singlePeriod(period1());
    assertThat(a.portfolioReturn()).isCloseTo(0.031, within(1e-15));
    assertThat(a.benchmarkReturn()).isCloseTo(0.025, within(1e-15));
    SegmentEffects trend = a.segments().get("trend");
    // allocation (0.7-0.5)(0.03-0.025) = 0.001; selection 0.5(0.04-0.03) = 0.005;
    // interaction (0.2)(0.01) = 0.002.
    assertThat(trend.allocation()).isCloseTo(0.001, within(1e-15));
    assertThat(trend.selection()).isCloseTo(0.005, within(1e-15));
    assertThat(trend.interaction()).isCloseTo(0.002, within(1e-15));
    SegmentEffects carry = a.segments().get("carry");
    // allocation (-0.2)(0.02-0.025) = 0.001; selection 0.5(-0.01) = -0.005;
    // interaction (-0.2)(-0.01) = 0.002.
    assertThat(carry.allocation()).isCloseTo(0.001, within(1e-15));
    assertThat(carry.selection()).isCloseTo(-0.005, within(1e-15));
    assertThat(carry.interaction()).isCloseTo(0.002, within(1e-15));
    assertThat(a.allocation()).isCloseTo(0.002, within(1e-15));
    assertThat(a.selection()).isCloseTo(0.0, within(1e-15));
    assertThat(a.interaction()).isCloseTo(0.004, within(1e-15));
    assertThat(a.activeReturn()).isCloseTo(0.006, within(1e-15));
    assertThat(trend.total() + carry.total()).isCloseTo(0.006, within(1e-15));
    assertThat(a.segments().keySet()).containsExactly("trend", "carry");
  }

  @Test
  void unheldSegmentHasOnlyAllocation() {
    Map<String, SegmentReturns> m = new LinkedHashMap<>();
    m.put("a", new SegmentReturns(1.0, 0.6, 0.05, 0.05));
    m.put("b", new SegmentReturns(0.0, 0.4, 0.99, -0.02));
    PeriodAttribution<String> a = BrinsonFachler.singlePeriod(m);
    SegmentEffects b = a.segments().get("b");
    // Its portfolio return is irrelevant: selection and interaction cancel.
    assertThat(b.selection() + b.interaction()).isCloseTo(0.0, within(1e-15));
    assertThat(b.allocation()).isCloseTo(-0.4 * (-0.02 - 0.022), within(1e-15));
  }

  @Test
  void carinoLinkingByHand() {
    Map<String, SegmentReturns> p2 = new LinkedHashMap<>();
    p2.put("trend", new SegmentReturns(0.6, 0.5, -0.02, -0.01));
    p2.put("carry", new SegmentReturns(0.4, 0.5, 0.015, 0.01));
    PeriodAttribution<String> a1 = BrinsonFachler.singlePeriod(period1());
    PeriodAttribution<String> a2 = BrinsonFachler.singlePeriod(p2);
    LinkedAttribution<String> linked = BrinsonFachler.link(List.of(a1, a2));
    // Period 2: R_p = 0.6*-0.02 + 0.4*0.015 = -0.006; R_b = 0.0.
    double rp = 1.031 * 0.994 - 1;
    double rb = 1.025 * 1.0 - 1;
    assertThat(linked.portfolioReturn()).isCloseTo(rp, within(1e-15));
    assertThat(linked.benchmarkReturn()).isCloseTo(rb, within(1e-15));
    // Carino's coefficients from plain logarithms.
    double k1 = (Math.log(1.031) - Math.log(1.025)) / (0.031 - 0.025);
    double k2 = (Math.log(0.994) - Math.log(1.0)) / (-0.006 - 0.0);
    double bigK = (Math.log(1 + rp) - Math.log(1 + rb)) / (rp - rb);
    assertThat(linked.periodCoefficients()[0]).isCloseTo(k1, within(1e-12));
    assertThat(linked.periodCoefficients()[1]).isCloseTo(k2, within(1e-12));
    assertThat(linked.totalCoefficient()).isCloseTo(bigK, within(1e-12));
    double trendAllocation =
        (k1 * a1.segments().get("trend").allocation()
                + k2 * a2.segments().get("trend").allocation())
            / bigK;
    assertThat(linked.segments().get("trend").allocation())
        .isCloseTo(trendAllocation, within(1e-15));
    double total = linked.allocation() + linked.selection() + linked.interaction();
    assertThat(total).isCloseTo(rp - rb, within(1e-15));
    assertThat(linked.activeReturn()).isCloseTo(rp - rb, within(1e-16));
  }

  @Test
  void equalReturnsUseTheLimitCoefficient() {
    Map<String, SegmentReturns> m = new LinkedHashMap<>();
    m.put("x", new SegmentReturns(0.5, 0.5, 0.02, 0.02));
    m.put("y", new SegmentReturns(0.5, 0.5, 0.04, 0.04));
    PeriodAttribution<String> a = BrinsonFachler.singlePeriod(m);
    LinkedAttribution<String> l = BrinsonFachler.link(List.of(a, a));
    assertThat(l.periodCoefficients()[0]).isCloseTo(1 / 1.03, within(1e-15));
    assertThat(l.totalCoefficient()).isCloseTo(1 / (1.03 * 1.03), within(1e-15));
    assertThat(l.activeReturn()).isEqualTo(0.0);
    // A single linked period is the period itself.
    LinkedAttribution<String> one =
        BrinsonFachler.link(List.of(BrinsonFachler.singlePeriod(period1())));
    assertThat(one.segments().get("trend").selection()).isCloseTo(0.005, within(1e-15));
  }

  @Test
  void segmentsMayChangeBetweenPeriods() {
    Map<String, SegmentReturns> calm = new LinkedHashMap<>();
    calm.put("calm", new SegmentReturns(1.0, 1.0, 0.01, 0.005));
    Map<String, SegmentReturns> stress = new LinkedHashMap<>();
    stress.put("stress", new SegmentReturns(1.0, 1.0, -0.03, -0.05));
    LinkedAttribution<String> l =
        BrinsonFachler.link(
            List.of(BrinsonFachler.singlePeriod(calm), BrinsonFachler.singlePeriod(stress)));
    assertThat(l.segments().keySet()).containsExactly("calm", "stress");
    assertThat(l.segments().get("calm").total() + l.segments().get("stress").total())
        .isCloseTo(l.activeReturn(), within(1e-15));
  }

  @Test
  void rejectsBadInput() {
    Map<String, SegmentReturns> bad = new LinkedHashMap<>();
    bad.put("a", new SegmentReturns(0.6, 0.5, 0.01, 0.01));
    bad.put("b", new SegmentReturns(0.3, 0.5, 0.01, 0.01));
    assertThatThrownBy(() -> BrinsonFachler.singlePeriod(bad))
        .hasMessageContaining("portfolio weights must sum to 1 but summed to 0.8999");
    Map<String, SegmentReturns> badB = new LinkedHashMap<>();
    badB.put("a", new SegmentReturns(1.0, 0.7, 0.01, 0.01));
    assertThatThrownBy(() -> BrinsonFachler.singlePeriod(badB))
        .hasMessageContaining("benchmark weights must sum to 1");
    assertThatThrownBy(() -> BrinsonFachler.singlePeriod(Map.of())).hasMessageContaining("empty");
    assertThatThrownBy(() -> new SegmentReturns(Double.NaN, 0.5, 0.01, 0.01))
        .hasMessageContaining("portfolioWeight must be finite");
    assertThatThrownBy(() -> new SegmentReturns(0.5, 0.5, 0.01, Double.POSITIVE_INFINITY))
        .hasMessageContaining("benchmarkReturn must be finite");
    assertThatThrownBy(() -> BrinsonFachler.link(List.of())).hasMessageContaining("empty");
    Map<String, SegmentReturns> wipeout = new LinkedHashMap<>();
    wipeout.put("a", new SegmentReturns(1.0, 1.0, -1.0, 0.01));
    PeriodAttribution<String> w = BrinsonFachler.singlePeriod(wipeout);
    assertThatThrownBy(() -> BrinsonFachler.link(List.of(w)))
        .hasMessageContaining("portfolioReturn of period 0 must be > -1");
    Map<String, SegmentReturns> nullKey = new java.util.HashMap<>();
    nullKey.put(null, new SegmentReturns(1.0, 1.0, 0.0, 0.0));
    assertThatThrownBy(() -> BrinsonFachler.singlePeriod(nullKey))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new SegmentEffects(Double.NaN, 0, 0))
        .hasMessageContaining("allocation must be finite");
  }

  @Test
  void linkedRecordIsAValue() {
    LinkedAttribution<String> a =
        BrinsonFachler.link(List.of(BrinsonFachler.singlePeriod(period1())));
    LinkedAttribution<String> b =
        BrinsonFachler.link(List.of(BrinsonFachler.singlePeriod(period1())));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.toString()).contains("trend");
    assertThatThrownBy(() -> a.segments().put("x", SegmentEffects.ZERO))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(
            () ->
                new LinkedAttribution<>(
                    Map.of("a", SegmentEffects.ZERO), 0, 0, new double[] {Double.NaN}, 1))
        .hasMessageContaining("periodCoefficients[0]");
  }
}
