package dev.tyche.risk.pretrade;

import java.util.Objects;

/**
 * The outcome of a pre-trade check: approve, or deny with the name of the rule that denied and a
 * reason that states the numbers involved (so that a denied order can be understood from the log
 * alone). Approval carries no data and is a single shared instance, so approving allocates nothing.
 *
 * <p>Immutable and thread-safe.
 *
 * @param approved whether the order may go to the venue
 * @param rule the denying rule's name; empty when approved
 * @param reason why the order was denied, with the limit and the offending value; empty when
 *     approved
 */
public record Decision(boolean approved, String rule, String reason) {

  private static final Decision APPROVED = new Decision(true, "", "");

  // A denial without a rule or reason cannot be acted on; an approval with one is contradictory.
  public Decision {
    Objects.requireNonNull(rule, "rule must not be null");
    Objects.requireNonNull(reason, "reason must not be null");
    if (approved && !(rule.isEmpty() && reason.isEmpty())) {
      throw new IllegalArgumentException(
          "an approval must have an empty rule and reason but had '"
              + rule
              + "', '"
              + reason
              + "'");
    }
    if (!approved && (rule.isBlank() || reason.isBlank())) {
      throw new IllegalArgumentException(
          "a denial must name its rule and reason but had '" + rule + "', '" + reason + "'");
    }
  }

  /**
   * The approval, a shared instance.
   *
   * @return the approval
   */
  public static Decision approve() {
    return APPROVED;
  }

  /**
   * A denial.
   *
   * @param rule the denying rule's name, not blank
   * @param reason why, with the numbers involved, not blank
   * @return the denial
   */
  public static Decision deny(String rule, String reason) {
    return new Decision(false, rule, reason);
  }

  /**
   * Whether the order was denied.
   *
   * @return {@code !approved()}
   */
  public boolean denied() {
    return !approved;
  }

  @Override
  public String toString() {
    return approved ? "APPROVED" : "DENIED by " + rule + ": " + reason;
  }
}
