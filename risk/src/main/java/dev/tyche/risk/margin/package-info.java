/**
 * Margin of Binance USDT-M linear perpetuals: leverage tiers ({@link
 * dev.tyche.risk.margin.LeverageBrackets}), initial margin ({@code notional / leverage}),
 * maintenance margin ({@code notional * maintMarginRatio - cum} with the tier holding the notional
 * at the mark price), leverage checks and the largest notional at a leverage, and liquidation
 * prices of isolated and cross positions ({@link dev.tyche.risk.margin.LiquidationPrice}).
 *
 * <p>Units: notionals, margins, wallets and maintenance amounts in the quote/margin asset (USDT);
 * quantities in base units; prices in quote per base unit (the mark price for margin). Inputs are
 * the exact numbers of {@code dev.tyche.core.num}; margins are exact; a liquidation price is a
 * {@code double} from one division of exact terms.
 *
 * <p>Sources: Binance USDⓈ-M Futures API "Notional and Leverage Brackets (USER_DATA)", {@code GET
 * /fapi/v1/leverageBracket},
 * https://developers.binance.com/docs/derivatives/usds-margined-futures/account/rest-api/Notional-and-Leverage-Brackets;
 * Binance support FAQ "Leverage and Margin of USDⓈ-M Futures" (margins and the maintenance amount
 * recurrence) and "How to Calculate Liquidation Price of USDⓈ-M Contracts" (the liquidation
 * formula, with its recomputation in the tier of the liquidation notional); the project's notes
 * {@code binance-usdm-reference.md} section 9, which reconstruct the formula and give the worked
 * example the tests check.
 */
package dev.tyche.risk.margin;
