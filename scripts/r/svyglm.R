# Reference results of R survey's svyglm, regTermTest and svypredmeans for tests/analysis/glm-r.test.ts:
# gaussian, quasibinomial and quasipoisson models (factors, interactions, offsets, missing values,
# domains) on every design of the oracle: SRS, one-stage clusters with FPC, stratified with FPC,
# two stages with FPC, NHANES-style strata x PSUs, post-stratified / raked / GREG-calibrated, and
# the replicate designs JK1 (also mse), JKn, BRR, Fay, bootstrap (the oracle's multipliers) and a
# post-stratified JK1; plus the synthetic IPEI persons of tests/fixtures/tables with their JKn
# replicate weights (discrimination and INPS registration).
# Run from the repository root: Rscript scripts/r/svyglm.R  (writes tests/fixtures/oracle/extra/svyglm.json)
suppressMessages(library(survey))
library(jsonlite)
options(warn = 1)
oracle <- fromJSON("tests/fixtures/oracle/expected.json", simplifyVector = FALSE)
dat <- function(f) read.csv(f, stringsAsFactors = TRUE)
apiclus1 <- dat("tests/fixtures/oracle/data/apiclus1.csv")
apisrs <- dat("tests/fixtures/oracle/data/apisrs.csv")
nhanes <- dat("tests/fixtures/oracle/data/nhanes.csv")
apistrat <- dat("tests/fixtures/oracle/extra/apistrat.csv")
apiclus2 <- dat("tests/fixtures/oracle/extra/apiclus2.csv")
persons <- read.csv("tests/fixtures/tables/persons.csv", stringsAsFactors = TRUE)
weights_meta <- fromJSON("tests/fixtures/tables/weights.json")

multipliers <- function(file, data, keys) {
  m <- read.csv(file)
  k <- function(d) do.call(paste, c(d[keys], sep = "|"))
  as.matrix(m[match(k(data), k(m)), grep("^rep", names(m))])
}
pop_types <- data.frame(stype = c("E", "H", "M"), Freq = c(4421, 755, 1018))
pop_schwide <- data.frame(sch.wide = c("No", "Yes"), Freq = c(1072, 5122))
pop_greg <- c(`(Intercept)` = 6194, stypeH = 755, stypeM = 1018, api99 = 3914069)

designs <- list()
designs$dsrs <- svydesign(id = ~1, fpc = ~fpc, data = apisrs)
designs$dclus1 <- svydesign(id = ~dnum, weights = ~pw, fpc = ~fpc, data = apiclus1)
designs$dstratf <- svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = apistrat)
designs$dclus2 <- svydesign(id = ~dnum + snum, fpc = ~fpc1 + fpc2, data = apiclus2)
designs$dnh <- svydesign(id = ~SDMVPSU, strata = ~SDMVSTRA, weights = ~WTMEC2YR, nest = TRUE, data = nhanes)
designs$dclus1_ps <- postStratify(designs$dclus1, ~stype, pop_types)
designs$dclus1_rake <- rake(designs$dclus1, list(~stype, ~sch.wide), list(pop_types, pop_schwide))
designs$dclus1_greg <- calibrate(designs$dclus1, ~stype + api99, pop_greg)
designs$rclus1_jk1 <- as.svrepdesign(designs$dclus1, type = "JK1")
designs$rclus1_jk1_mse <- as.svrepdesign(designs$dclus1, type = "JK1", mse = TRUE)
designs$rclus1_boot <- svrepdesign(data = apiclus1, type = "bootstrap", weights = ~pw, combined.weights = FALSE,
  repweights = multipliers("tests/fixtures/oracle/data/rep_apiclus1_boot_multipliers.csv", apiclus1, "dnum"),
  scale = oracle$designs$rclus1_boot$scale, rscales = 1)
designs$rnh_jkn <- as.svrepdesign(designs$dnh, type = "JKn")
designs$rnh_brr <- svrepdesign(data = nhanes, type = "BRR", weights = ~WTMEC2YR, combined.weights = FALSE,
  repweights = multipliers("tests/fixtures/oracle/data/rep_nhanes_brr_multipliers.csv", nhanes, c("SDMVSTRA", "SDMVPSU")))
designs$rnh_fay <- svrepdesign(data = nhanes, type = "Fay", rho = 0.3, weights = ~WTMEC2YR, combined.weights = FALSE,
  repweights = multipliers("tests/fixtures/oracle/data/rep_nhanes_fay_multipliers.csv", nhanes, c("SDMVSTRA", "SDMVPSU")))
designs$rclus1_jk1_ps <- postStratify(designs$rclus1_jk1, ~stype, pop_types)
designs$rstratf_jkn <- as.svrepdesign(designs$dstratf, type = "JKn")
ind <- persons[!is.na(persons$w_person_final), ]
designs$ipei_jkn <- svrepdesign(data = ind, type = "JKn", weights = ~w_person_final,
  repweights = ind[, weights_meta$persons$weights$individual$repweights], combined.weights = TRUE,
  scale = 1, rscales = weights_meta$design$rscales)

# A domain: rows where `variable` equals (or, with negate, differs from) `value`.
domain_of <- function(design, dom) {
  if (is.null(dom)) return(design)
  keep <- as.character(design$variables[[dom$variable]]) == dom$value
  if (isTRUE(dom$negate)) keep <- !keep
  design[keep & !is.na(keep), ]
}
families <- list(gaussian = gaussian(), quasibinomial = quasibinomial(), quasipoisson = quasipoisson())
fits <- list()
cases <- list()
fit_case <- function(id, design, formula, family = "gaussian", domain = NULL) {
  d <- domain_of(designs[[design]], domain)
  f <- eval(bquote(svyglm(.(as.formula(formula)), design = d, family = .(families[[family]]))))
  fits[[id]] <<- f
  s <- summary(f)$coefficients
  ci <- confint(f)
  cases[[length(cases) + 1]] <<- list(id = id, kind = "glm", design = design, formula = formula, family = family,
    domain = domain, names = rownames(s), estimate = unname(s[, 1]), se = unname(s[, 2]), t = unname(s[, 3]),
    p = unname(s[, 4]), df = f$df.residual, lower = unname(ci[, 1]), upper = unname(ci[, 2]),
    vcov = unname(as.matrix(vcov(f))), iterations = f$iter)
}
test_case <- function(id, fit, terms, df = NULL) {
  r <- regTermTest(fits[[fit]], as.formula(terms), df = df)
  cases[[length(cases) + 1]] <<- list(id = id, kind = "regTermTest", fit = fit, terms = terms,
    df_given = if (is.null(df)) NULL else "Inf",
    statistic = if (is.null(r$Ftest)) as.numeric(r$chisq) else as.numeric(r$Ftest),
    test = if (is.null(r$Ftest)) "Chisq" else "F", df = r$df, ddf = if (is.null(r$ddf)) NULL else r$ddf, p = as.numeric(r$p))
}
predmeans_case <- function(id, fit, group) {
  m <- svypredmeans(fits[[fit]], as.formula(paste0("~", group)))
  cases[[length(cases) + 1]] <<- list(id = id, kind = "predmeans", fit = fit, group = group,
    names = names(coef(m)), estimate = unname(coef(m)), se = unname(SE(m)))
}

fit_case("srs_gauss", "dsrs", "api00 ~ ell + meals + mobility")
fit_case("clus1_gauss", "dclus1", "api00 ~ ell + meals + stype")
fit_case("clus1_logit", "dclus1", "I(sch.wide == \"Yes\") ~ ell + stype", "quasibinomial")
fit_case("clus1_pois_offset", "dclus1", "enroll ~ stype + offset(log(api.stu))", "quasipoisson")
fit_case("clus1_pois", "dclus1", "api.stu ~ meals + stype", "quasipoisson")
fit_case("clus1_interaction", "dclus1", "api00 ~ ell * stype")
fit_case("clus1_nomain", "dclus1", "api00 ~ meals + stype:ell")
fit_case("clus1_two_factors", "dclus1", "api00 ~ stype * awards")
fit_case("clus1_missing", "dclus1", "api00 ~ avg.ed + stype")
fit_case("clus1_no_intercept", "dclus1", "api00 ~ stype + meals - 1")
fit_case("clus1_domain_E", "dclus1", "api00 ~ ell + meals", domain = list(variable = "stype", value = "E"))
fit_case("clus1_domain_logit", "dclus1", "I(sch.wide == \"Yes\") ~ meals + api99", "quasibinomial",
  domain = list(variable = "stype", value = "E", negate = TRUE))
fit_case("stratf_gauss", "dstratf", "api00 ~ ell + meals + stype")
fit_case("stratf_logit", "dstratf", "I(awards == \"Yes\") ~ meals + stype", "quasibinomial")
fit_case("clus2_gauss", "dclus2", "api00 ~ ell + meals + stype")
fit_case("clus2_pois_missing", "dclus2", "enroll ~ stype + meals", "quasipoisson")
fit_case("nh_logit", "dnh", "HI_CHOL ~ factor(race) + agecat + factor(RIAGENDR)", "quasibinomial")
fit_case("nh_logit_domain", "dnh", "HI_CHOL ~ factor(race) + agecat", "quasibinomial",
  domain = list(variable = "RIAGENDR", value = "2"))
fit_case("clus1_ps_gauss", "dclus1_ps", "api00 ~ ell + meals + stype")
fit_case("clus1_rake_logit", "dclus1_rake", "I(sch.wide == \"Yes\") ~ ell + meals", "quasibinomial")
fit_case("clus1_greg_gauss", "dclus1_greg", "api00 ~ ell + meals + stype")
fit_case("clus1_greg_domain", "dclus1_greg", "api00 ~ ell + meals", domain = list(variable = "stype", value = "E", negate = TRUE))
fit_case("rclus1_jk1_gauss", "rclus1_jk1", "api00 ~ ell + meals + stype")
fit_case("rclus1_jk1_logit", "rclus1_jk1", "I(sch.wide == \"Yes\") ~ ell + stype", "quasibinomial")
fit_case("rclus1_jk1_mse_gauss", "rclus1_jk1_mse", "api00 ~ ell + meals + stype")
fit_case("rclus1_jk1_domain", "rclus1_jk1", "api00 ~ ell + meals", domain = list(variable = "stype", value = "E"))
fit_case("rclus1_jk1_missing", "rclus1_jk1", "api00 ~ avg.ed + stype")
fit_case("rclus1_boot_pois", "rclus1_boot", "api.stu ~ meals + stype", "quasipoisson")
fit_case("rclus1_boot_gauss", "rclus1_boot", "api00 ~ ell * stype")
fit_case("rnh_jkn_logit", "rnh_jkn", "HI_CHOL ~ factor(race) + agecat + factor(RIAGENDR)", "quasibinomial")
fit_case("rnh_brr_logit", "rnh_brr", "HI_CHOL ~ factor(race) + agecat", "quasibinomial")
fit_case("rnh_fay_logit", "rnh_fay", "HI_CHOL ~ factor(race) + agecat", "quasibinomial")
fit_case("rnh_jkn_domain", "rnh_jkn", "HI_CHOL ~ agecat", "quasibinomial", domain = list(variable = "race", value = "1"))
fit_case("rclus1_jk1_ps_gauss", "rclus1_jk1_ps", "api00 ~ ell + meals")
fit_case("rstratf_jkn_gauss", "rstratf_jkn", "api00 ~ ell + meals + stype")
fit_case("ipei_discrimination", "ipei_jkn", "I(k02_felt_discriminated == 1) ~ c07_nationality1 + factor(c03_sex) + c05_age", "quasibinomial")
fit_case("ipei_inps", "ipei_jkn", "I(e05_inps == 1) ~ factor(c03_sex) + c05_age + stratum", "quasibinomial")
fit_case("ipei_inps_domain", "ipei_jkn", "I(e05_inps == 1) ~ c05_age + stratum", "quasibinomial",
  domain = list(variable = "c03_sex", value = "2"))

test_case("clus1_gauss_stype", "clus1_gauss", "~stype")
test_case("clus1_gauss_ell_meals_chisq", "clus1_gauss", "~ell + meals", df = Inf)
test_case("clus1_interaction_term", "clus1_interaction", "~ell:stype")
test_case("nh_logit_agecat", "nh_logit", "~agecat")
test_case("rclus1_jk1_gauss_stype", "rclus1_jk1_gauss", "~stype")
test_case("rnh_jkn_race", "rnh_jkn_logit", "~factor(race)")
test_case("ipei_discrimination_nationality", "ipei_discrimination", "~c07_nationality1")

fit_case("clus1_adj", "dclus1", "api00 ~ ell + meals")
fit_case("clus1_adj_logit", "dclus1", "I(sch.wide == \"Yes\") ~ ell + meals", "quasibinomial")
fit_case("rclus1_jk1_adj", "rclus1_jk1", "api00 ~ ell + meals")
fit_case("ipei_adj", "ipei_jkn", "I(k02_felt_discriminated == 1) ~ factor(c03_sex) + c05_age", "quasibinomial")
predmeans_case("clus1_predmeans_stype", "clus1_adj", "stype")
predmeans_case("clus1_predmeans_logit", "clus1_adj_logit", "stype")
predmeans_case("rclus1_jk1_predmeans", "rclus1_jk1_adj", "stype")
predmeans_case("ipei_predmeans_nationality", "ipei_adj", "c07_nationality1")

fmt <- function(x) structure(sprintf("%.17g", x), dim = dim(x))
fmt_all <- function(x) if (is.list(x)) lapply(x, fmt_all) else if (is.numeric(x)) fmt(x) else x
writeLines(toJSON(list(r_version = R.version.string, survey_version = as.character(packageVersion("survey")),
                       cases = fmt_all(cases)), auto_unbox = TRUE, null = "null", na = "null", pretty = TRUE),
           "tests/fixtures/oracle/extra/svyglm.json")
cat("wrote", length(cases), "cases\n")
