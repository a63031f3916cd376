/** Implementation details of the backtest module; not promised to users, never import it. */
package dev.tyche.backtest.internal;
