package dev.tyche.execution.sim;

/**
 * The Binance USDⓈ-M error codes the simulated venue puts in {@code OrderRejected.venueCode()},
 * with the meaning given in the project's reference notes, section 5.
 *
 * <p>Immutable and thread-safe.
 */
public final class VenueErrorCodes {

  /** Invalid order type (used for order types the venue does not simulate). */
  public static final int INVALID_ORDER_TYPE = -1116;

  /** Invalid symbol. */
  public static final int INVALID_SYMBOL = -1121;

  /** Cancel rejected: "Unknown order sent." (the order is not open at the venue). */
  public static final int CANCEL_REJECTED = -2011;

  /** Order does not exist (status query). */
  public static final int NO_SUCH_ORDER = -2013;

  /** The conditional order would trigger immediately. */
  public static final int WOULD_IMMEDIATELY_TRIGGER = -2021;

  /** "ReduceOnly Order is rejected.": the order would not reduce the position. */
  public static final int REDUCE_ONLY_REJECTED = -2022;

  /** Quantity below {@code minQty}. */
  public static final int QUANTITY_BELOW_MIN = -4004;

  /** Quantity above {@code maxQty}. */
  public static final int QUANTITY_ABOVE_MAX = -4005;

  /** Price not a multiple of the tick size. */
  public static final int PRICE_NOT_ON_TICK = -4014;

  /** Buy limit price above the {@code PERCENT_PRICE} band. */
  public static final int PRICE_ABOVE_BAND = -4016;

  /** Quantity not a multiple of the step size. */
  public static final int QUANTITY_NOT_ON_STEP = -4023;

  /** Sell limit price below the {@code PERCENT_PRICE} band. */
  public static final int PRICE_BELOW_BAND = -4024;

  /** Duplicate client order id among open orders. */
  public static final int DUPLICATE_CLIENT_ORDER_ID = -4116;

  /** Market order: the best opposite price lies outside the {@code PERCENT_PRICE} band. */
  public static final int MARKET_PRICE_OUTSIDE_BAND = -4131;

  /** Notional below {@code MIN_NOTIONAL}. */
  public static final int NOTIONAL_BELOW_MIN = -4164;

  private VenueErrorCodes() {}
}
