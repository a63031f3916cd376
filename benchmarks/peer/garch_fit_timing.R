#!/usr/bin/env Rscript
# Times R fGarch's GARCH(1,1) fit on the series Tyche's JMH benchmark fits, and prints the
# optimum it reaches, so the two can be compared on identical inputs.
#
# Usage: Rscript garch_fit_timing.R REPS FILE.csv [FILE.csv ...]
# Each CSV comes from dev.tyche.benchmarks.risk.GarchComparisonData and has the columns
# x (17 significant digits) and x_hex (Java Double.toHexString). The series is parsed from x_hex,
# which as.numeric reads exactly, so fGarch sees the same doubles as Tyche.
#
# The model is fGarch's default ~garch(1,1): constant mean, normal innovations,
# init.rec = "mci", the nlminb optimiser with its default tolerances.

suppressPackageStartupMessages(library(fGarch))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 2) stop("usage: Rscript garch_fit_timing.R REPS FILE.csv [FILE.csv ...]")
reps <- as.integer(args[1])
if (is.na(reps) || reps < 1) stop("REPS must be a positive integer but was ", args[1])

cat(sprintf("peer    %s, fGarch %s\n", R.version.string, as.character(packageVersion("fGarch"))))

fit_once <- function(x) {
  garchFit(~garch(1, 1), data = x, cond.dist = "norm", include.mean = TRUE, trace = FALSE)
}

for (file in args[-1]) {
  d <- read.csv(file, colClasses = c("character", "character"))
  x <- as.numeric(d$x_hex)
  if (anyNA(x)) stop(file, ": x_hex did not parse")
  decimal_gap <- max(abs(x - as.numeric(d$x)))
  name <- sub("\\.csv$", "", basename(file))

  fit <- fit_once(x)
  cf <- coef(fit)
  # fit@fit$message is nlminb's stopping message; fGarch's own fits of real data commonly stop with
# "singular convergence (7)" or "relative convergence (4)", so the log-likelihood is what to compare.
# fit@fit$llh is fGarch's minimised NEGATIVE log-likelihood (it includes 0.5 ln(2 pi)).
  cat(sprintf(
    "fgarch  %-15s n=%d loglik=%.10f mu=%.8f omega=%.8f alpha1=%.8f beta1=%.8f nlminb=\"%s\"\n",
    name, length(x), -fit@fit$llh, cf[["mu"]], cf[["omega"]], cf[["alpha1"]], cf[["beta1"]],
    fit@fit$message))

  invisible(fit_once(x)) # one more warm-up call before timing
  t <- system.time(for (i in seq_len(reps)) fit_once(x))
  cat(sprintf(
    "fgarch  %-15s time per fit: %.2f ms elapsed, %.2f ms user+sys (%d fits; max |hex - decimal| = %.3g)\n",
    name, 1000 * t[["elapsed"]] / reps, 1000 * (t[["user.self"]] + t[["sys.self"]]) / reps, reps,
    decimal_gap))
}
