package dev.tyche.core.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The chunked ladder behind {@link OrderBook} against a {@link TreeMap}, with enough levels to
 * split chunks, empty them, grow the pool and reuse freed chunks.
 */
class LadderProperties {

  @Property(tries = 150)
  void behavesLikeASortedMap(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 6000) int keyRange,
      @ForAll @IntRange(min = 1, max = 4000) int operations,
      @ForAll @IntRange(min = 1, max = 300) int initialCapacity) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Ladder ladder = new Ladder(initialCapacity);
    NavigableMap<Long, Long> model = new TreeMap<>(Collections.reverseOrder());
    for (int op = 0; op < operations; op++) {
      int kind = rnd.nextInt(200);
      if (kind == 0) {
        // Bulk load a fresh ascending run (what a snapshot does).
        ladder.clear();
        model.clear();
        long key = rnd.nextInt(10) - 5;
        int n = rnd.nextInt(400);
        for (int i = 0; i < n; i++) {
          key += 1 + rnd.nextInt(3);
          long q = 1 + rnd.nextInt(1000);
          ladder.appendAscending(key, q);
          model.put(key, q);
        }
      } else if (kind < 4) {
        long cut = rnd.nextInt(keyRange + 2) - 1;
        ladder.removeFromBestWhileAtLeast(cut);
        model.headMap(cut, true).clear(); // reverse order: head = keys >= cut
      } else {
        long key = rnd.nextInt(keyRange);
        long q = rnd.nextInt(10) < 3 ? 0 : 1 + rnd.nextInt(1000);
        ladder.set(key, q);
        if (q == 0) {
          model.remove(key);
        } else {
          model.put(key, q);
        }
      }
      if (op % 97 == 0 || op == operations - 1) {
        assertSame(ladder, model, rnd, keyRange);
      }
    }
  }

  private static void assertSame(
      Ladder ladder, NavigableMap<Long, Long> model, SplittableRandom rnd, int keyRange) {
    assertThat(ladder.size()).isEqualTo(model.size());
    long[] keys = new long[model.size() + 1];
    long[] qtys = new long[model.size() + 1];
    int n = ladder.copyFromBest(keys, qtys, keys.length);
    assertThat(n).isEqualTo(model.size());
    long[] expectedKeys = model.keySet().stream().mapToLong(Long::longValue).toArray();
    long[] expectedQtys = model.values().stream().mapToLong(Long::longValue).toArray();
    assertThat(Arrays.copyOf(keys, n)).isEqualTo(expectedKeys);
    assertThat(Arrays.copyOf(qtys, n)).isEqualTo(expectedQtys);
    if (!model.isEmpty()) {
      assertThat(ladder.bestKey()).isEqualTo(model.firstKey());
      assertThat(ladder.bestQuantity()).isEqualTo(model.firstEntry().getValue());
    }
    for (int i = 0; i < 20; i++) {
      long probe = rnd.nextInt(keyRange + 20) - 10;
      assertThat(ladder.quantityAt(probe)).isEqualTo(model.getOrDefault(probe, 0L));
      long sum = model.headMap(probe, true).values().stream().mapToLong(Long::longValue).sum();
      assertThat(ladder.quantityAtOrAbove(probe)).isEqualTo(sum);
    }
    int partial = Math.min(3, n);
    assertThat(ladder.copyFromBest(new long[3], new long[3], 3)).isEqualTo(partial);
    for (Map.Entry<Long, Long> e : model.entrySet()) {
      assertThat(e.getValue()).isPositive();
    }
  }
}
