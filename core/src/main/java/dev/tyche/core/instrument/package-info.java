/** Tradable instruments, their exchange filters, and rounding of analytic numbers to their grid. */
package dev.tyche.core.instrument;
