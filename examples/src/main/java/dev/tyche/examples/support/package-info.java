/**
 * Small helpers shared by the example programs: reading the bundled market data from the class path
 * ({@link dev.tyche.examples.support.BundledData}) and printing plain-text tables ({@link
 * dev.tyche.examples.support.TextTable}).
 */
package dev.tyche.examples.support;
