/**
 * Strictly convex quadratic programming: {@code min 1/2 x'Dx - d'x} subject to linear equality and
 * inequality constraints, solved by the dual active-set method of Goldfarb and Idnani (1983).
 *
 * <p>Entry points: {@link dev.tyche.portfolio.qp.QuadraticProgram} describes a problem, {@link
 * dev.tyche.portfolio.qp.GoldfarbIdnaniSolver} solves it and returns a {@link
 * dev.tyche.portfolio.qp.QpResult} whose {@link dev.tyche.portfolio.qp.QpStatus} says whether the
 * point is optimal, the constraints are inconsistent, or the method failed numerically.
 */
package dev.tyche.portfolio.qp;
