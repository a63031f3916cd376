/**
 * Funding-rate carry: long spot and short perpetual while the expected funding, annualised, pays
 * for the round trip and a basis-risk buffer.
 */
package dev.tyche.strategy.funding;
