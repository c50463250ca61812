# Reference results from R survey for designs the shared oracle leaves out:
# stratified with FPC, two stages with FPC at both stages (full multistage and ultimate-cluster),
# calibration to full-population margins (apipop), Taylor-to-replicate conversion with FPC,
# replicate recalibration, svyvar, deff = "replace" and the likelihood interval.
# Run: Rscript scripts/r/extra-designs.R  (writes tests/fixtures/oracle/extra/)
suppressMessages(library(survey))
library(jsonlite)
data(api)
out_dir <- file.path("tests", "fixtures", "oracle", "extra")
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)
write.csv(apistrat, file.path(out_dir, "apistrat.csv"), row.names = FALSE)
write.csv(apiclus2, file.path(out_dir, "apiclus2.csv"), row.names = FALSE)

cases <- list()
add <- function(id, design, code, value) {
  cases[[length(cases) + 1]] <<- list(id = id, design = design, r_code = code, result = value)
}
svystat <- function(x) {
  r <- list(names = names(coef(x)), estimate = unname(coef(x)), se = unname(SE(x)),
            vcov = unname(as.matrix(vcov(x))))
  if (!is.null(attr(x, "deff"))) r$deff <- unname(diag(as.matrix(attr(x, "deff"))))
  r
}
svyby_res <- function(x) list(estimate = unname(coef(x)), se = unname(SE(x)),
                              deff = tryCatch(unname(deff(x)), error = function(e) NULL))
ciprop <- function(x) list(estimate = as.numeric(unclass(x))[1], ci = as.numeric(attr(x, "ci")), var = as.numeric(attr(x, "var"))[1],
                           se = sqrt(as.numeric(attr(x, "var"))[1]))
htest <- function(x) list(statistic = unname(x$statistic), parameter = unname(x$parameter), p_value = x$p.value)
quant <- function(x) {
  q <- x[[1]]
  list(estimate = unname(q[, 1]), ci_lower = unname(q[, 2]), ci_upper = unname(q[, 3]), se = unname(q[, 4]))
}
run <- function(id, design, code) {
  v <- eval(parse(text = code))
  add(id, design, code, v)
}

dstratf <- svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = apistrat)
run("stratf_mean_api00_stype", "dstratf", "svystat(svymean(~api00 + stype, dstratf, deff = TRUE))")
run("stratf_total_enroll", "dstratf", "svystat(svytotal(~enroll, dstratf, deff = TRUE))")
run("stratf_mean_api00_replace", "dstratf", "svystat(svymean(~api00, dstratf, deff = 'replace'))")
run("stratf_var_api00", "dstratf", "svystat(svyvar(~api00, dstratf))")
run("stratf_by_awards_mean_api00", "dstratf", "svyby_res(svyby(~api00, ~awards, dstratf, svymean, deff = TRUE))")
run("stratf_ratio", "dstratf", "{r <- svyratio(~api00, ~api99, dstratf); list(ratio = unname(coef(r)), se = unname(SE(r)))}")
run("stratf_quantile", "dstratf", "quant(svyquantile(~api00, dstratf, quantiles = c(0.1, 0.5, 0.9), ci = TRUE))")
run("stratf_quantile_hf7", "dstratf", "quant(svyquantile(~api00, dstratf, quantiles = c(0.25, 0.5), ci = TRUE, qrule = 'hf7'))")
run("stratf_quantile_school", "dstratf", "quant(svyquantile(~api00, dstratf, quantiles = c(0.25, 0.5), ci = TRUE, qrule = 'school'))")
for (m in c("logit", "likelihood", "asin", "beta", "mean", "xlogit"))
  run(paste0("stratf_ciprop_schwide_", m), "dstratf",
      sprintf("ciprop(svyciprop(~I(sch.wide == 'Yes'), dstratf, method = '%s'))", m))
run("stratf_ciprop_small_beta", "dstratf", "ciprop(svyciprop(~I(api00 > 875), dstratf, method = 'beta'))")
for (s in c("F", "Chisq", "Wald", "adjWald"))
  run(paste0("stratf_chisq_awards_yrrnd_", s), "dstratf",
      sprintf("htest(svychisq(~awards + yr.rnd, dstratf, statistic = '%s'))", s))
run("stratf_degf", "dstratf", "list(value = degf(dstratf))")

dclus2 <- svydesign(id = ~dnum + snum, fpc = ~fpc1 + fpc2, data = apiclus2)
run("clus2_mean_api00", "dclus2", "svystat(svymean(~api00, dclus2))")
run("clus2_total_enroll_narm", "dclus2", "svystat(svytotal(~enroll, dclus2, na.rm = TRUE))")
run("clus2_mean_stype", "dclus2", "svystat(svymean(~stype, dclus2))")
run("clus2_by_stype_mean_api00", "dclus2", "svyby_res(svyby(~api00, ~stype, dclus2, svymean))")
run("clus2_ratio", "dclus2", "{r <- svyratio(~api00, ~api99, dclus2); list(ratio = unname(coef(r)), se = unname(SE(r)))}")
run("clus2_degf", "dclus2", "list(value = degf(dclus2))")
run("clus2_weights", "dclus2", "list(value = unname(weights(dclus2)))")
options(survey.ultimate.cluster = TRUE)
run("clus2_uc_mean_api00", "dclus2_uc", "svystat(svymean(~api00, dclus2))")
options(survey.ultimate.cluster = FALSE)

# Calibration to full-population margins (apipop).
pop_types <- data.frame(stype = c("E", "H", "M"), Freq = as.vector(table(apipop$stype)))
pop_schwide <- data.frame(sch.wide = c("No", "Yes"), Freq = as.vector(table(apipop$sch.wide)))
dstrat_rake <- rake(dstratf, list(~stype, ~sch.wide), list(pop_types, pop_schwide))
run("stratf_rake_mean_api00", "dstratf_rake", "svystat(svymean(~api00, dstrat_rake))")
run("stratf_rake_total_schwide", "dstratf_rake", "svystat(svytotal(~sch.wide, dstrat_rake))")
greg_totals <- c(`(Intercept)` = nrow(apipop), stypeH = sum(apipop$stype == "H"), stypeM = sum(apipop$stype == "M"),
                 api99 = sum(apipop$api99))
dstrat_greg <- calibrate(dstratf, ~stype + api99, greg_totals)
run("stratf_greg_mean_api00", "dstratf_greg", "svystat(svymean(~api00, dstrat_greg))")
run("stratf_greg_by_awards", "dstratf_greg", "svyby_res(svyby(~api00, ~awards, dstrat_greg, svymean))")
dclus2_ps <- postStratify(dclus2, ~stype, pop_types)
run("clus2_ps_mean_api00", "dclus2_ps", "svystat(svymean(~api00, dclus2_ps))")

# Replicate conversions keeping the FPC and replicate recalibration.
rstrat_jkn <- as.svrepdesign(dstratf, type = "JKn")
run("rstratf_jkn_mean_api00", "rstratf_jkn", "svystat(svymean(~api00, rstrat_jkn))")
run("rstratf_jkn_degf", "rstratf_jkn", "list(value = degf(rstrat_jkn))")
dclus1 <- svydesign(id = ~dnum, weights = ~pw, fpc = ~fpc, data = apiclus1)
write.csv(apiclus1, file.path(out_dir, "apiclus1.csv"), row.names = FALSE)
rclus1 <- as.svrepdesign(dclus1, type = "JK1")
rclus1_greg <- calibrate(rclus1, ~stype + api99, c(`(Intercept)` = 6194, stypeH = 755, stypeM = 1018, api99 = 3914069))
run("rclus1_greg_mean_api00", "rclus1_greg", "svystat(svymean(~api00, rclus1_greg))")
rclus1_rake <- rake(rclus1, list(~stype, ~sch.wide), list(data.frame(stype = c("E", "H", "M"), Freq = c(4421, 755, 1018)),
                                                          data.frame(sch.wide = c("No", "Yes"), Freq = c(1072, 5122))))
run("rclus1_rake_mean_api00", "rclus1_rake", "svystat(svymean(~api00, rclus1_rake))")
run("clus1_var_api00", "dclus1", "svystat(svyvar(~api00, dclus1))")
# Replicate-design deff and svyvar, ratios by domain, bounded linear calibration, FPC as fractions.
run("rclus1_mean_deff", "rclus1", "svystat(svymean(~api00 + enroll, rclus1, deff = TRUE))")
run("rclus1_var_api00", "rclus1", "svystat(svyvar(~api00, rclus1))")
run("clus1_by_stype_ratio", "dclus1", "{r <- svyby(~api00, ~stype, denominator = ~api99, dclus1, svyratio); list(estimate = unname(coef(r)), se = unname(SE(r)))}")
dclus1_blin <- calibrate(dclus1, ~stype + api99, c(`(Intercept)` = 6194, stypeH = 755, stypeM = 1018, api99 = 3914069), bounds = c(0.7, 1.7))
run("clus1_bounded_linear_mean", "dclus1_blin", "svystat(svymean(~api00 + enroll, dclus1_blin))")
dclus1_ctrim <- calibrate(dclus1, ~stype + api99, c(`(Intercept)` = 6194, stypeH = 755, stypeM = 1018, api99 = 3914069), calfun = 'raking', trim = c(0.9, 1.1))
run("clus1_cal_trim_mean", "dclus1_ctrim", "svystat(svymean(~api00, dclus1_ctrim))")
apistrat$frac <- apistrat$fpc
apistrat$frac <- ave(rep(1, nrow(apistrat)), apistrat$stype, FUN = sum) / apistrat$fpc
dstratfrac <- svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~frac, data = apistrat)
run("stratfrac_mean_api00", "dstratfrac", "svystat(svymean(~api00, dstratfrac))")
# A small domain whose lower Woodruff limit falls below the first weighted step (R's last() rule).
run("clus1_quantile_subset_H", "dclus1", "quant(svyquantile(~api00, subset(dclus1, stype == 'H'), quantiles = c(0.1, 0.5), ci = TRUE))")
run("clus1_by_stype_quantile", "dclus1", "{r <- svyby(~api00, ~stype, dclus1, svyquantile, quantiles = 0.5, ci = TRUE); list(estimate = unname(coef(r)), se = unname(SE(r)))}")

# Numbers as %.17g strings (exact doubles; jsonlite prints at most 15 digits).
fmt <- function(x) structure(sprintf("%.17g", x), dim = dim(x))
fmt_all <- function(x) if (is.list(x)) lapply(x, fmt_all) else if (is.numeric(x)) fmt(x) else x
cases <- fmt_all(cases)
writeLines(toJSON(list(r_version = R.version.string, survey_version = as.character(packageVersion("survey")),
                       cases = cases), auto_unbox = TRUE, null = "null", na = "null", pretty = TRUE),
           file.path(out_dir, "extra.json"))
cat("wrote", length(cases), "cases\n")
