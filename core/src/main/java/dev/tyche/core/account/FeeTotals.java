package dev.tyche.core.account;

import dev.tyche.core.id.Asset;
import dev.tyche.core.num.Money;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The fee totals of a {@link Position}: an unmodifiable map from asset to the amount charged in it,
 * iterated in asset order, stored as an array of amounts sorted by asset (the key of an entry is
 * its amount's asset, so keys need no storage of their own).
 *
 * <p>Why not a copied {@code TreeMap}: a position charges its fees in one or two assets, and {@link
 * Position#afterFill} adds one fee per fill. Copying a tree map per fill cost more than the rest of
 * the fill's arithmetic; {@link #plus(Money)} copies an array of one or two references instead.
 *
 * <p>It is a {@link Map} with the standard contract: {@code equals} and {@code hashCode} agree with
 * every other map holding the same entries (a {@code TreeMap}, {@code Map.of}), so two positions
 * with the same fees are equal whichever map they were built from; {@code toString} reads like a
 * {@code TreeMap}'s. Every mutator throws {@link UnsupportedOperationException}.
 *
 * <p>Immutable and thread-safe.
 */
final class FeeTotals extends AbstractMap<Asset, Money> {

  static final FeeTotals EMPTY = new FeeTotals(new Money[0]);

  // Sorted by asset, distinct assets, never modified after construction.
  private final Money[] amounts;

  private FeeTotals(Money[] amounts) {
    this.amounts = amounts;
  }

  /**
   * The totals held by {@code fees}, validated.
   *
   * @param fees the fees by asset; a {@code FeeTotals} is returned as it is (it is immutable)
   * @return the totals
   * @throws NullPointerException if a key or value is null
   * @throws IllegalArgumentException if an entry's amount is not in the entry's asset
   */
  static FeeTotals copyOf(Map<Asset, Money> fees) {
    if (fees instanceof FeeTotals) {
      return (FeeTotals) fees;
    }
    List<Money> list = new ArrayList<>(fees.size());
    for (Map.Entry<Asset, Money> e : fees.entrySet()) {
      Asset asset = Objects.requireNonNull(e.getKey(), "fee asset must not be null");
      Money fee = Objects.requireNonNull(e.getValue(), "fee must not be null");
      if (!asset.equals(fee.asset())) {
        throw new IllegalArgumentException(
            "fees entry " + asset + " must hold an amount of that asset but was " + fee);
      }
      list.add(fee);
    }
    if (list.isEmpty()) {
      return EMPTY;
    }
    Money[] sorted = list.toArray(new Money[0]);
    int n = sorted.length;
    Arrays.sort(sorted, (a, b) -> a.asset().compareTo(b.asset()));
    for (int i = 1; i < n; i++) {
      if (sorted[i - 1].asset().equals(sorted[i].asset())) {
        // Only a map whose keys break the Map contract can get here.
        throw new IllegalArgumentException("fees holds the asset " + sorted[i].asset() + " twice");
      }
    }
    return new FeeTotals(sorted);
  }

  /**
   * These totals with one more fee added to its asset's total ({@link Money#plus}), or entered if
   * the asset had none.
   *
   * @param fee the fee, positive = paid
   * @return the new totals; {@code this} if adding changes nothing
   */
  FeeTotals plus(Money fee) {
    Asset asset = fee.asset();
    int i = indexOf(asset);
    if (i >= 0) {
      Money old = amounts[i];
      if (fee.units() == 0 && fee.scale() <= old.scale()) {
        // old.plus(fee) would be a record equal to old.
        return this;
      }
      Money[] next = amounts.clone();
      next[i] = old.plus(fee);
      return new FeeTotals(next);
    }
    int at = -i - 1;
    Money[] next = new Money[amounts.length + 1];
    System.arraycopy(amounts, 0, next, 0, at);
    next[at] = fee;
    System.arraycopy(amounts, at, next, at + 1, amounts.length - at);
    return new FeeTotals(next);
  }

  /** The index of {@code asset}, or {@code -(insertion point) - 1} if absent. */
  private int indexOf(Asset asset) {
    // Linear: there are one or two fee assets in practice.
    for (int i = 0; i < amounts.length; i++) {
      Asset a = amounts[i].asset();
      if (a.equals(asset)) {
        return i;
      }
      if (a.compareTo(asset) > 0) {
        return -i - 1;
      }
    }
    return -amounts.length - 1;
  }

  private int indexOfKey(Object key) {
    return key instanceof Asset ? indexOf((Asset) key) : -1;
  }

  @Override
  public int size() {
    return amounts.length;
  }

  @Override
  public boolean isEmpty() {
    return amounts.length == 0;
  }

  @Override
  public Money get(Object key) {
    int i = indexOfKey(key);
    return i >= 0 ? amounts[i] : null;
  }

  @Override
  public Money getOrDefault(Object key, Money defaultValue) {
    int i = indexOfKey(key);
    return i >= 0 ? amounts[i] : defaultValue;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOfKey(key) >= 0;
  }

  @Override
  public boolean containsValue(Object value) {
    for (Money m : amounts) {
      if (m.equals(value)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Set<Map.Entry<Asset, Money>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<Asset, Money>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < amounts.length;
          }

          @Override
          public Map.Entry<Asset, Money> next() {
            if (next >= amounts.length) {
              throw new NoSuchElementException("no more fee entries");
            }
            Money m = amounts[next++];
            return Map.entry(m.asset(), m);
          }
        };
      }

      @Override
      public int size() {
        return amounts.length;
      }
    };
  }

  @Override
  public void forEach(BiConsumer<? super Asset, ? super Money> action) {
    Objects.requireNonNull(action, "action must not be null");
    for (Money m : amounts) {
      action.accept(m.asset(), m);
    }
  }

  // The Map contract: the sum over entries of key.hashCode() ^ value.hashCode().
  @Override
  public int hashCode() {
    int h = 0;
    for (Money m : amounts) {
      h += m.asset().hashCode() ^ m.hashCode();
    }
    return h;
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (o instanceof FeeTotals) {
      return Arrays.equals(amounts, ((FeeTotals) o).amounts);
    }
    return super.equals(o);
  }

  @Override
  public Money put(Asset key, Money value) {
    throw immutable();
  }

  @Override
  public Money remove(Object key) {
    throw immutable();
  }

  @Override
  public void putAll(Map<? extends Asset, ? extends Money> m) {
    throw immutable();
  }

  @Override
  public void clear() {
    throw immutable();
  }

  @Override
  public void replaceAll(BiFunction<? super Asset, ? super Money, ? extends Money> function) {
    throw immutable();
  }

  @Override
  public Money putIfAbsent(Asset key, Money value) {
    throw immutable();
  }

  @Override
  public boolean remove(Object key, Object value) {
    throw immutable();
  }

  @Override
  public boolean replace(Asset key, Money oldValue, Money newValue) {
    throw immutable();
  }

  @Override
  public Money replace(Asset key, Money value) {
    throw immutable();
  }

  @Override
  public Money computeIfAbsent(Asset key, Function<? super Asset, ? extends Money> f) {
    throw immutable();
  }

  @Override
  public Money computeIfPresent(
      Asset key, BiFunction<? super Asset, ? super Money, ? extends Money> f) {
    throw immutable();
  }

  @Override
  public Money compute(Asset key, BiFunction<? super Asset, ? super Money, ? extends Money> f) {
    throw immutable();
  }

  @Override
  public Money merge(
      Asset key, Money value, BiFunction<? super Money, ? super Money, ? extends Money> f) {
    throw immutable();
  }

  private static UnsupportedOperationException immutable() {
    return new UnsupportedOperationException("a position's fees are immutable");
  }
}
