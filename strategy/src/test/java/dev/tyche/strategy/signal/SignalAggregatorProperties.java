package dev.tyche.strategy.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.strategy.StrategyId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

/**
 * The aggregator nets as documented: {@code net = clip(sum w_i s_i, -L, L)} (recomputed here
 * independently), the contributions add up to {@code net}, each contribution has the sign of its
 * strategy's signal, and without clipping each contribution is exactly {@code w_i s_i}.
 */
class SignalAggregatorProperties {

  private static final Symbol[] SYMBOLS = {Symbol.of("AAA"), Symbol.of("BBB"), Symbol.of("CCC")};

  @Property(tries = 500)
  void contributionsSumToTheClippedNet(
      @ForAll @Size(min = 1, max = 6) List<@DoubleRange(min = 0.0, max = 2.0) Double> weights,
      @ForAll @Size(min = 18, max = 18) List<@DoubleRange(min = -1.0, max = 1.0) Double> signals,
      @ForAll @Size(min = 18, max = 18) List<Boolean> present,
      @ForAll @DoubleRange(min = 0.05, max = 3.0) double limit) {
    Map<StrategyId, Double> w = new LinkedHashMap<>();
    for (int i = 0; i < weights.size(); i++) {
      w.put(StrategyId.of("s" + i), weights.get(i));
    }
    List<Signal> list = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      for (int j = 0; j < SYMBOLS.length; j++) {
        int k = i * SYMBOLS.length + j;
        if (present.get(k)) {
          list.add(new Signal(StrategyId.of("s" + i), SYMBOLS[j], signals.get(k)));
        }
      }
    }
    Map<Symbol, NetExposure> out = SignalAggregator.of(w, limit).aggregate(list);
    for (Symbol symbol : SYMBOLS) {
      double expected = 0.0;
      boolean any = false;
      for (Signal s : list) {
        if (s.symbol().equals(symbol)) {
          expected += w.get(s.strategy()) * s.exposure();
          any = true;
        }
      }
      assertThat(out.containsKey(symbol)).isEqualTo(any);
      if (!any) {
        continue;
      }
      NetExposure net = out.get(symbol);
      double clipped = Math.max(-limit, Math.min(limit, expected));
      assertThat(net.net()).isCloseTo(clipped, org.assertj.core.api.Assertions.within(1e-12));
      assertThat(Math.abs(net.net())).isLessThanOrEqualTo(limit);
      double sum = net.contributions().values().stream().mapToDouble(Double::doubleValue).sum();
      assertThat(sum).isCloseTo(net.net(), org.assertj.core.api.Assertions.within(1e-9));
      for (Signal s : list) {
        if (s.symbol().equals(symbol)) {
          double c = net.contributions().get(s.strategy());
          double raw = w.get(s.strategy()) * s.exposure();
          assertThat(c * raw).isGreaterThanOrEqualTo(0.0);
          if (!net.isClipped()) {
            assertThat(c).isEqualTo(raw);
          }
        }
      }
    }
  }
}
