package dev.tyche.core.id;

import java.util.Objects;

/**
 * A coin or currency code such as {@code BTC} or {@code USDT}: the base, quote or margin asset of
 * an instrument, and the currency of a {@link dev.tyche.core.num.Money} amount.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the asset code: 1 to 20 characters from {@code A-Z0-9}
 */
public record Asset(String code) implements Comparable<Asset> {

  /** Tether, the quote and margin asset of Binance USDT-M futures. */
  public static final Asset USDT = new Asset("USDT");

  // Asset codes key balances; a lower-case or padded code would silently split a balance in two.
  public Asset {
    Ids.requireToken(code, "asset", Ids.ASSET);
  }

  /**
   * The asset with this code.
   *
   * @param code the code, e.g. {@code BTC}
   * @return the asset
   */
  public static Asset of(String code) {
    return new Asset(code);
  }

  @Override
  public int compareTo(Asset other) {
    return code.compareTo(Objects.requireNonNull(other, "other").code);
  }

  @Override
  public String toString() {
    return code;
  }
}
