package dev.tyche.strategy.testing;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.Bar;
import dev.tyche.core.time.BarInterval;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random bar series for properties: a multiplicative random walk from 100 with returns in {@code
 * [-4 %, 4 %]} and wicks of up to 2 % of the price, so that bands, stops and breakouts are all hit.
 *
 * <p>Immutable and thread-safe (static helpers only).
 */
public final class RandomMarket {

  private RandomMarket() {}

  /**
   * One step of the walk.
   *
   * @param ret the close-to-close return
   * @param upperWick the high's distance above max(open, close), as a fraction of the price
   * @param lowerWick the low's distance below min(open, close), as a fraction of the price
   */
  public record Step(double ret, double upperWick, double lowerWick) {}

  /**
   * Random steps.
   *
   * @param min the fewest steps
   * @param max the most steps
   * @return the steps
   */
  public static Arbitrary<List<Step>> steps(int min, int max) {
    Arbitrary<Double> ret = Arbitraries.doubles().between(-0.04, 0.04);
    Arbitrary<Double> wick = Arbitraries.doubles().between(0.0, 0.02);
    return Combinators.combine(ret, wick, wick).as(Step::new).list().ofMinSize(min).ofMaxSize(max);
  }

  /**
   * Bars for the steps, starting at bar {@code firstIndex} from the close {@code start}.
   *
   * @param symbol the instrument
   * @param interval the interval
   * @param firstIndex the first bar's index
   * @param start the close before the first bar
   * @param steps the steps
   * @return the bars
   */
  public static List<Bar> bars(
      Symbol symbol, BarInterval interval, int firstIndex, double start, List<Step> steps) {
    List<Bar> out = new ArrayList<>();
    double prev = start;
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      double close = Math.max(1.0, prev * (1.0 + s.ret()));
      double high = Math.max(prev, close) * (1.0 + s.upperWick());
      double low = Math.min(prev, close) * (1.0 - s.lowerWick());
      out.add(Bars.bar(symbol, interval, firstIndex + i, prev, high, low, close));
      prev = Bars.price(close).toDouble();
    }
    return out;
  }
}
