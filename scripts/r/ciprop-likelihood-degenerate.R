# R survey's svyciprop(method = "likelihood") on the tables fixture's JKn design, stratum PR, for
# each level of c11_cv_ancestry (df = 7): level 98 has one answer and a replicate share of 0, so the
# logit's replicate variance is infinite and R stops in spline(). Levels 1 and 2 are recorded too:
# R gives NA limits there (the engine gives the profile interval: a documented difference,
# analysis/README.md, not tested here).
# Used by tests/analysis/ciprop-likelihood-degenerate.test.ts.
# Run from the repo root: Rscript scripts/r/ciprop-likelihood-degenerate.R
source("tests/fixtures/tables/fixture-designs.R")
d <- dind
out <- list()
for (lev in c("1", "2", "98")) {
  dd <- update(d, y = as.numeric(as.character(c11_cv_ancestry) == lev))
  sub <- subset(dd, stratum == "PR")
  e <- svymean(~y, sub, na.rm = TRUE, return.replicates = TRUE)
  r <- tryCatch(suppressWarnings(svyciprop(~y, sub, method = "likelihood", df = 7, na.rm = TRUE)),
    error = function(err) conditionMessage(err))
  out[[lev]] <- if (is.character(r)) list(p = unname(coef(e)), minReplicate = min(e$replicates), error = r)
    else list(p = as.numeric(coef(r)), ci = as.numeric(attr(r, "ci")))
}
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE),
  "tests/fixtures/tables/ciprop-likelihood-degenerate.json")
