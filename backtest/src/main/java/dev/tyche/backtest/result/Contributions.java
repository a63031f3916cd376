package dev.tyche.backtest.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Simple, additive PnL contributions. The Brinson-Fachler decomposition of the same result into
 * allocation, selection and interaction is {@link SleeveAttribution}.
 *
 * <p>Immutable and thread-safe (a static utility).
 */
public final class Contributions {

  /** The label of sampling periods that began before the regime series' first change. */
  public static final String NO_REGIME = "(none)";

  private Contributions() {}

  /**
   * PnL per regime: each period {@code (t_{i-1}, t_i]} of the curve is credited with {@code E_i -
   * E_{i-1}} and counted under the regime in force at {@code t_{i-1}} (known before the period's
   * PnL, so no look-ahead). The contributions sum to {@code E_n - E_0}.
   *
   * @param curve the equity curve
   * @param regimes the regime series
   * @return one contribution per label, in order of first appearance; fees, funding, slippage and
   *     fills are 0 (only the equity change is split)
   */
  public static List<Contribution> byRegime(EquityCurve curve, RegimeSeries regimes) {
    long[] t = curve.times();
    double[] e = curve.equity();
    Map<String, double[]> acc = new LinkedHashMap<>();
    for (int i = 1; i < t.length; i++) {
      Optional<String> label = regimes.labelAt(t[i - 1]);
      double[] a = acc.computeIfAbsent(label.orElse(NO_REGIME), k -> new double[2]);
      a[0] += e[i] - e[i - 1];
      a[1] += 1;
    }
    List<Contribution> out = new ArrayList<>();
    for (Map.Entry<String, double[]> x : acc.entrySet()) {
      out.add(new Contribution(x.getKey(), x.getValue()[0], 0, 0, 0, 0, (int) x.getValue()[1]));
    }
    return out;
  }
}
