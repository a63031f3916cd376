/**
 * Pure functions between Binance's DTOs and core types (layer 2 of the adapter): instruments from
 * exchangeInfo, bars, funding, mark prices, trades and books, orders both ways with explicit enum
 * mappings, and leverage tiers. Every failure names the field.
 */
package dev.tyche.binance.mapping;
