# Golden logit intervals for proportion cells of the tables (R survey svyciprop, method = "logit",
# its default: svyglm(quasibinomial) Wald interval on the logit scale with t on the design df),
# on the synthetic WeightedData fixture tests/fixtures/tables with its JKn replicate weights
# (svrepdesign, combined weights, scale 1, rscales from weights.json), the same designs as
# tests/fixtures/tables/golden.R. Domains and universes are subsets of the design (svyby / subset).
# Run from the repo root: Rscript scripts/r/tables-ciprop.R  (writes tests/fixtures/tables/ciprop-golden.json)
source("tests/fixtures/tables/fixture-designs.R")

# One cell: the logit interval of the share of `level` of `variable` in design d (a domain already
# subset), with the Wald interval of svymean (t on degf(d)) beside it for the contrast. svyciprop fits
# svyglm(quasibinomial) with glm's default tolerance (1e-8), which leaves ~1e-9 in the limits; the
# golden limits are the same fit (svyglm, confint Wald on the logit scale with ddf = degf(d), as
# svyciprop does) with the tolerance tightened, checked here against svyciprop itself to 1e-7.
expit <- function(x) 1 - 1 / (1 + exp(x))
cell <- function(d, variable, level, domain) {
  y <- sprintf("as.numeric(%s == %s)", variable, level)
  ci <- svyciprop(as.formula(paste0("~", y)), d, method = "logit", level = 0.95, na.rm = TRUE)
  m <- svyglm(as.formula(paste(y, "~ 1")), d, family = quasibinomial,
    control = glm.control(epsilon = 1e-15, maxit = 200))
  tight <- as.numeric(expit(confint(m, 1, level = 0.95, method = "Wald", ddf = degf(d))))
  stopifnot(max(abs(tight - attr(ci, "ci"))) < 1e-7)
  mean <- svymean(as.formula(paste0("~", y)), d, na.rm = TRUE)
  wald <- confint(mean, df = degf(d))  # the Wald interval on t with the domain's design df
  list(domain = domain, level = level, estimate = unname(coef(mean)), se = unname(SE(mean)),
       lower = tight[1], upper = tight[2], svycipropLower = unname(attr(ci, "ci")[1]),
       svycipropUpper = unname(attr(ci, "ci")[2]), df = degf(d),
       waldLower = unname(wald[1, 1]), waldUpper = unname(wald[1, 2]))
}
cells <- function(d, variable, levels, by = NULL) {
  out <- list()
  for (l in levels) out[[length(out) + 1]] <- cell(d, variable, l, list())
  if (!is.null(by)) {
    v <- d$variables[[by]]
    for (k in sort(unique(v))) for (l in levels) {
      dom <- list(); dom[[by]] <- k
      out[[length(out) + 1]] <- cell(d[v == k, ], variable, l, dom)
    }
  }
  out
}

out <- list(
  # P1: proportion remitting (j01_remit 1 yes, 2 no), individual respondents, overall and by stratum
  P1 = cells(dind, "j01_remit", c(1, 2), "stratum"),
  # P3: sex of roster members (1 male, 2 female) by derived age group (cut at 15, 35)
  P3 = cells(dros, "c03_sex", c(1, 2), "age_group"),
  # P7: INPS registration (1 yes, 2 no, 98 don't know; small shares) among remitters, by sex
  P7 = cells(subset(dind, j01_remit == 1), "e05_inps", c(1, 2, 98), "c03_sex"),
  # P9: Cabo Verdean ancestry (98 don't know: 10 of 136, a small share) by stratum
  P9 = cells(dind, "c11_cv_ancestry", c(1, 2, 98), "stratum"),
  # P10: status in employment (1 employer, 2 own-account, 4 employee; missing for 41 not employed) by sex
  P10 = cells(dind, "g10_icse", c(1, 2, 4), "c03_sex")
)
# svyby(..., svyciprop) gives the same domain intervals as the subsets above.
chk <- svyby(~I(j01_remit == 1), ~stratum, dind, svyciprop, vartype = "ci", method = "logit")
stopifnot(isTRUE(all.equal(unname(chk$ci_l), sapply(out$P1[3 + 2 * (0:3)], `[[`, "lower"))))
# Domain intervals of the other svyciprop methods, as svyby gives them (Clopper-Pearson "beta" uses
# nrow(design) - 1 of the domain's subset): remitting and Cabo Verdean ancestry by stratum.
out$svyby <- list()
for (m in c("beta", "asin", "mean", "xlogit")) for (v in c("j01_remit", "c11_cv_ancestry")) {
  r <- svyby(as.formula(sprintf("~I(%s == 1)", v)), ~stratum, dind, svyciprop, vartype = "ci", method = m, na.rm = TRUE)
  out$svyby[[length(out$svyby) + 1]] <- list(method = m, variable = v, level = 1, strata = as.character(r$stratum),
    estimate = unname(r[[2]]), lower = unname(r$ci_l), upper = unname(r$ci_u))
}
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), file.path(dir, "ciprop-golden.json"))
cat("wrote", file.path(dir, "ciprop-golden.json"), "\n")
