/**
 * The order vocabulary: sides, order types, time in force, the commands a strategy issues and the
 * sealed hierarchy of events that report what became of them.
 */
package dev.tyche.core.order;
