package dev.tyche.risk.pretrade;

import dev.tyche.core.order.SubmitOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An ordered list of pre-trade rules run as one: {@link #check} returns the first denial (rules
 * after it are not run) or the shared approval, and {@link #denials} runs every rule and returns
 * all denials, for diagnostics. Put the cheapest and most decisive rules first (kill switch,
 * instrument filters).
 *
 * <p>The approve path allocates nothing of its own (an index loop over the rules, the shared
 * approval); the rules' exact arithmetic creates small {@code Decimal} values, which escape
 * analysis may or may not remove. That has not been measured yet (a JMH {@code -prof gc} run
 * belongs in {@code benchmarks}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the name of the rule set, used if the set is itself nested as a rule
 * @param rules the rules in the order they run, with distinct names
 */
public record PreTradeRules(String name, List<PreTradeRule> rules) implements PreTradeRule {

  /** The default name. */
  public static final String DEFAULT_NAME = "pre-trade";

  /** Validates the name and that rule names are distinct (a denial must identify its rule). */
  public PreTradeRules {
    Limits.name(name);
    rules = List.copyOf(Objects.requireNonNull(rules, "rules must not be null"));
    Set<String> names = new HashSet<>();
    for (PreTradeRule rule : rules) {
      if (!names.add(rule.name())) {
        throw new IllegalArgumentException(
            "rule names must be distinct but " + rule.name() + " appears twice");
      }
    }
  }

  /**
   * A rule set with the default name.
   *
   * @param rules the rules in the order they run
   * @return the rule set
   */
  public static PreTradeRules of(PreTradeRule... rules) {
    return new PreTradeRules(DEFAULT_NAME, List.of(rules));
  }

  /**
   * Runs the rules in order and stops at the first denial.
   *
   * @param order the order
   * @param ctx the context, for the order's instrument
   * @return the first denial, or the approval if every rule approves
   * @throws IllegalArgumentException if the context is for another symbol than the order
   */
  @Override
  public Decision check(SubmitOrder order, PreTradeContext ctx) {
    requireSameSymbol(order, ctx);
    for (int i = 0; i < rules.size(); i++) {
      Decision d = rules.get(i).check(order, ctx);
      if (!d.approved()) {
        return d;
      }
    }
    return Decision.approve();
  }

  /**
   * Runs every rule and collects the denials.
   *
   * @param order the order
   * @param ctx the context, for the order's instrument
   * @return the denials in rule order, empty if the order is approved
   * @throws IllegalArgumentException if the context is for another symbol than the order
   */
  public List<Decision> denials(SubmitOrder order, PreTradeContext ctx) {
    requireSameSymbol(order, ctx);
    List<Decision> out = new ArrayList<>();
    for (PreTradeRule rule : rules) {
      Decision d = rule.check(order, ctx);
      if (!d.approved()) {
        out.add(d);
      }
    }
    return List.copyOf(out);
  }

  // A context for the wrong symbol is a wiring bug in the caller, not a business outcome.
  private static void requireSameSymbol(SubmitOrder order, PreTradeContext ctx) {
    Objects.requireNonNull(order, "order must not be null");
    Objects.requireNonNull(ctx, "ctx must not be null");
    if (!order.symbol().equals(ctx.instrument().symbol())) {
      throw new IllegalArgumentException(
          "context is for "
              + ctx.instrument().symbol()
              + " but the order "
              + order.clientOrderId()
              + " is for "
              + order.symbol());
    }
  }
}
