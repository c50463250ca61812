# Reference results for PPS without replacement with Brewer's approximation (R svydesign(...,
# pps = "brewer")): a synthetic area sample (EAs drawn with probability proportional to size within
# 3 strata, households within EAs), sorted by stratum and EA, written to
# tests/fixtures/oracle/extra/pps.csv with the results in pps.json. Tests: tests/analysis/pps-brewer.test.ts.
# Run from the repository root: Rscript scripts/r/pps-brewer.R
suppressMessages(library(survey))
library(jsonlite)
set.seed(20261205)
out_dir <- file.path("tests", "fixtures", "oracle", "extra")
strata <- c("A", "B", "C")
rows <- list()
for (h in seq_along(strata)) {
  M <- round(runif(60, 20, 400)) # EA sizes (households) in the frame
  n_h <- c(6, 5, 7)[h]
  pi <- n_h * M / sum(M)
  sel <- sort(sample(60, n_h, prob = M))
  for (k in sel) {
    m <- 8
    hh <- data.frame(stratum = strata[h], ea = h * 100 + k, pi_ea = pi[k], w = M[k] / (pi[k] * m),
      size = rpois(m, 3) + 1, age = round(runif(m, 18, 80)), sex = sample(c("F", "M"), m, TRUE))
    hh$income <- round(200 + 15 * hh$age + 80 * hh$size + rnorm(m, 0, 300) + 50 * h, 2)
    hh$insured <- as.integer(runif(m) < plogis(-2 + 0.03 * hh$age + 0.3 * (hh$sex == "F")))
    rows[[length(rows) + 1]] <- hh
  }
}
pps <- do.call(rbind, rows)
pps$sex <- factor(pps$sex)
write.csv(pps, file.path(out_dir, "pps.csv"), row.names = FALSE)
pps <- read.csv(file.path(out_dir, "pps.csv"), stringsAsFactors = TRUE) # the values the tests read

dpps <- svydesign(id = ~ea, strata = ~stratum, weights = ~w, fpc = ~pi_ea, data = pps, pps = "brewer")
dpps1 <- svydesign(id = ~ea, fpc = ~pi_ea, data = pps[pps$stratum == "B", ], pps = "brewer")
st <- function(x) list(names = names(coef(x)), estimate = unname(coef(x)), se = unname(SE(x)))
glm_res <- function(f) {
  s <- summary(f)$coefficients
  list(names = rownames(s), estimate = unname(s[, 1]), se = unname(s[, 2]), p = unname(s[, 4]), df = f$df.residual)
}
res <- list(
  degf = degf(dpps),
  mean_income = st(svymean(~income, dpps)),
  total_size_sex = st(svytotal(~size + sex, dpps)),
  mean_income_domain_F = st(svymean(~income, subset(dpps, sex == "F"))),
  by_stratum = st(svyby(~income, ~stratum, dpps, svymean)),
  glm_income = glm_res(svyglm(income ~ age + size + sex, dpps)),
  glm_insured = glm_res(svyglm(insured ~ age + sex, dpps, family = quasibinomial())),
  glm_domain = glm_res(svyglm(income ~ age + size, subset(dpps, sex == "M"))),
  unstratified_mean = st(svymean(~income + insured, dpps1)),
  unstratified_weights = unname(weights(dpps1))
)
fmt <- function(x) structure(sprintf("%.17g", x), dim = dim(x))
fmt_all <- function(x) if (is.list(x)) lapply(x, fmt_all) else if (is.numeric(x)) fmt(x) else x
writeLines(toJSON(fmt_all(res), auto_unbox = TRUE, pretty = TRUE), file.path(out_dir, "pps.json"))
cat("wrote pps.json\n")
