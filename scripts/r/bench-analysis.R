#!/usr/bin/env Rscript
# Times R survey on the 1M-record benchmark survey for bench/analysis.ts (same data: the hash
# recipe of gen_synth.R). Prints one JSON object with seconds per step. factor() runs before
# svydesign on its own timer (seconds under "factor"), as bench/analysis.ts codes its factors.
# Usage: Rscript scripts/r/bench-analysis.R [N]
suppressPackageStartupMessages(library(survey))
args <- commandArgs(trailingOnly = FALSE)
sp <- sub("^--file=", "", args[grep("^--file=", args)])
here <- if (length(sp)) dirname(normalizePath(sp)) else getwd()
source(file.path(here, "gen_synth.R"))
ta <- commandArgs(trailingOnly = TRUE)
N <- if (length(ta) >= 1) as.numeric(ta[1]) else 1e6
options(survey.lonely.psu = "fail")
el <- function(expr) system.time(expr)[["elapsed"]]
df <- gen_synth(N)
# The two variables the estimates use are coded on their own timer ("factor"), outside the
# estimates' timers, as a user codes them once before svydesign; the others are coded untimed.
t_factor <- el({
  df$country_birth <- factor(df$country_birth)
  df$employment <- factor(df$employment)
})
for (nm in setdiff(c("region", names(cat_spec)), c("country_birth", "employment"))) df[[nm]] <- factor(df[[nm]])
t_design <- el(des <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE, data = df))
t_mean <- el(r1 <- svymean(~country_birth, des))
t_by <- el(r4 <- svyby(~employment, ~country_birth, des, svymean, na.rm = TRUE))
rw <- rep_weights(df)
t_rdesign <- el(rdes <- svrepdesign(data = df, repweights = rw, weights = ~weight, type = "JK1",
                                    scale = 79 / 80, combined.weights = TRUE, mse = FALSE))
rm(rw); invisible(gc())
t_rmean <- el(q1 <- svymean(~country_birth, rdes))
t_rby <- el(q3 <- svyby(~employment, ~country_birth, rdes, svymean, na.rm = TRUE))
cat(sprintf('{"factor": %.3f, "design": %.3f, "taylorMean": %.3f, "taylorBy": %.3f, "replicateDesign": %.3f, "replicateMean": %.3f, "replicateBy": %.3f, "se1": %.17g}\n',
            t_factor, t_design, t_mean, t_by, t_rdesign, t_rmean, t_rby, SE(r1)[1]))
