/**
 * Typed identifiers. Every identifier is a record around its raw value so that a client order id
 * can never be passed where a symbol is expected.
 */
package dev.tyche.core.id;
