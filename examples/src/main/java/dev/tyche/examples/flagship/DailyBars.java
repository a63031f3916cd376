package dev.tyche.examples.flagship;

import dev.tyche.core.market.Bar;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import java.util.ArrayList;
import java.util.List;

/**
 * Aggregates hourly bars into UTC daily bars: open of the first hour, highest high, lowest low,
 * close of the last hour, summed volume. Only complete days (24 hours) are kept, so a daily bar
 * never stands for fewer hours than it claims.
 *
 * <p>Immutable and thread-safe.
 */
public final class DailyBars {

  private static final long HOUR = 3_600_000L;
  private static final long DAY = 24 * HOUR;

  private DailyBars() {}

  /**
   * Aggregates.
   *
   * @param hourly hourly bars of one symbol in time order
   * @return the complete days
   */
  public static List<Bar> of(List<Bar> hourly) {
    List<Bar> out = new ArrayList<>();
    int i = 0;
    while (i < hourly.size()) {
      long day = Math.floorDiv(hourly.get(i).openTime(), DAY) * DAY;
      int j = i;
      while (j < hourly.size() && hourly.get(j).openTime() < day + DAY) {
        j++;
      }
      if (j - i == 24) {
        Bar first = hourly.get(i);
        Price high = first.high();
        Price low = first.low();
        Quantity volume = first.volume();
        for (int k = i + 1; k < j; k++) {
          Bar b = hourly.get(k);
          high = b.high().compareTo(high) > 0 ? b.high() : high;
          low = b.low().compareTo(low) < 0 ? b.low() : low;
          volume = volume.plus(b.volume());
        }
        out.add(
            new Bar(
                first.symbol(),
                DAY,
                day,
                first.open(),
                high,
                low,
                hourly.get(j - 1).close(),
                volume));
      }
      i = j;
    }
    return out;
  }
}
