# Golden replicate degrees of freedom: R survey's degf() of replicate designs and of their domains,
# qr(weights(design, "analysis"), tol = 1e-5)$rank - 1 on the rows of the (sub)design
# (svyby and subset() drop the other rows of a svyrep.design). Run from the repo root:
#   Rscript scripts/r/degf.R   (writes tests/fixtures/degf/expected.json)
# 1. The demo's weights (tests/fixtures/degf/demo-*.csv.gz, written by make-demo.ts): individual
#    respondents, 454 JKn replicates redoing the weighting (one per EA, one per household of a certainty EA, none for the two certainty EAs taken in full), whole and by domain.
# 2. Calibrated replicate designs of R's api data where the rank is not the PSU count: the
#    replicate weights are written out so that the test computes on the same numbers.
suppressMessages(library(survey))
library(jsonlite)
dir <- "tests/fixtures/degf"
meta <- fromJSON(file.path(dir, "demo-rscales.json"))
demo <- function(file) {
  d <- read.csv(gzfile(file.path(dir, file)), stringsAsFactors = FALSE)
  q <- as.matrix(d[, grep("^q[0-9]+$", names(d))])
  svrepdesign(data = d[, c("stratum", "psu", "sex", "agegroup", "w")], type = "JKn", weights = ~w,
    repweights = q * d$w, combined.weights = TRUE, scale = 1, rscales = meta$rscales)
}
domains <- function(des) {
  v <- des$variables
  out <- list(all = degf(des))
  for (by in list("sex", "stratum", "agegroup", c("sex", "stratum"), c("sex", "agegroup"))) {
    key <- interaction(v[by], sep = "|", drop = TRUE)
    for (lev in levels(key)) out[[paste0(paste(by, collapse = "+"), "=", lev)]] <- degf(des[which(key == lev), ])
  }
  out
}
expected <- list(
  demo = list(individuals = domains(demo("demo-individuals.csv.gz")))
)

data(api)
api_case <- function(des, by, psus) {
  w <- weights(des, "analysis")
  w <- matrix(signif(w, 12), nrow(w))
  # rebuilt from the rounded weights written to the fixture, so R and the test see the same matrix
  d <- svrepdesign(data = des$variables, repweights = w, weights = signif(des$pweights, 12),
    combined.weights = TRUE, type = "other", scale = des$scale, rscales = des$rscales)
  key <- as.character(d$variables[[by]])
  ranks <- list(all = degf(d))
  for (lev in sort(unique(key))) ranks[[paste0(by, "=", lev)]] <- degf(d[key == lev, ])
  list(by = key, weights = signif(des$pweights, 12), repweights = w, psus = psus,
    replicates = ncol(w), degf = ranks)
}
pop_stype <- data.frame(stype = c("E", "H", "M"), Freq = c(4421, 755, 1018))
set.seed(20261205)
c1 <- svydesign(ids = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc)
c2 <- svydesign(ids = ~dnum + snum, fpc = ~fpc1 + fpc2, data = apiclus2)
st <- svydesign(ids = ~1, strata = ~stype, weights = ~pw, data = apistrat[apistrat$cname %in% c("Los Angeles", "San Diego", "Orange", "Kern", "Fresno"), ])
expected$api <- list(
  # JK1 post-stratified on school type: 15 PSUs, 15 replicates
  clus1_jk1_poststrat = api_case(postStratify(as.svrepdesign(c1, type = "JK1"), ~stype, pop_stype), "stype", 15),
  # bootstrap, 50 replicates of 15 PSUs, raked: rows of one PSU differ by cell, rank above the PSU count
  clus1_boot_rake = api_case(rake(as.svrepdesign(c1, type = "bootstrap", replicates = 50), list(~stype, ~both),
    list(pop_stype, data.frame(both = c("No", "Yes"), Freq = c(1000, 5194)))), "stype", 15),
  # two-stage, JK1 over 40 PSUs, calibrated (linear, bounded) on school type
  clus2_jk1_calibrate = api_case(calibrate(as.svrepdesign(c2, type = "JK1"), ~stype, c(`(Intercept)` = 6194, stypeH = 755, stypeM = 1018),
    bounds = c(0.5, 2)), "sch.wide", 40),
  # one PSU per row, BRR needs 2 per stratum: JKn on a stratified sample, raked by awards
  strat_jkn_rake = api_case(rake(as.svrepdesign(st, type = "JKn"), list(~awards), list(data.frame(awards = c("No", "Yes"), Freq = c(2000, 4194)))), "stype", nrow(st))
)
for (n in names(expected$api)) cat(n, ": ", expected$api[[n]]$psus, " PSUs, ", expected$api[[n]]$replicates, " replicates, degf ", expected$api[[n]]$degf$all, "\n", sep = "")
cat("demo individuals degf ", expected$demo$individuals$all, "\n", sep = "")
writeLines(toJSON(expected, digits = NA, auto_unbox = TRUE), file.path(dir, "expected.json"))
