package dev.tyche.portfolio.attribution;

/**
 * The Brinson-Fachler effects of one segment (for one period, or linked over several), as fractions
 * of the portfolio's value.
 *
 * <p>Immutable and thread-safe.
 *
 * @param allocation the allocation effect, finite
 * @param selection the selection effect, finite
 * @param interaction the interaction effect, finite
 */
public record SegmentEffects(double allocation, double selection, double interaction) {

  /** No effect at all (a segment absent from a period). */
  public static final SegmentEffects ZERO = new SegmentEffects(0.0, 0.0, 0.0);

  /** Validates that every field is finite. */
  public SegmentEffects {
    Inputs.finite(allocation, "allocation");
    Inputs.finite(selection, "selection");
    Inputs.finite(interaction, "interaction");
  }

  /**
   * The segment's total contribution to the active return.
   *
   * @return {@code allocation + selection + interaction}
   */
  public double total() {
    return allocation + selection + interaction;
  }

  /**
   * The effects of several segments added field by field (the totals of a period or of a linked
   * attribution).
   *
   * @param effects the segments' effects
   * @return their sums
   */
  static SegmentEffects sum(Iterable<SegmentEffects> effects) {
    double a = 0.0;
    double s = 0.0;
    double i = 0.0;
    for (SegmentEffects e : effects) {
      a += e.allocation;
      s += e.selection;
      i += e.interaction;
    }
    return new SegmentEffects(a, s, i);
  }
}
