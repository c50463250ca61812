# Randomised cross-check: random data and designs (strata, one or two stages, nest, FPC at one or
# both stages, lonely PSUs under several policies, missing values) with R survey's answers.
# Run: Rscript scripts/r/random-designs.R  (writes tests/fixtures/oracle/extra/random*.csv/json)
suppressMessages(library(survey))
library(jsonlite)
out_dir <- file.path("tests", "fixtures", "oracle", "extra")
fmt <- function(x) structure(sprintf("%.17g", x), dim = dim(x))
fmt_all <- function(x) if (is.list(x)) lapply(x, fmt_all) else if (is.numeric(x)) fmt(x) else x
specs <- list(
  list(seed = 1, stages = 1, fpc = FALSE, lonely = "adjust"),
  list(seed = 2, stages = 1, fpc = TRUE, lonely = "average"),
  list(seed = 3, stages = 2, fpc = TRUE, lonely = "certainty"),
  list(seed = 4, stages = 2, fpc = FALSE, lonely = "remove"),
  list(seed = 5, stages = 2, fpc = TRUE, lonely = "adjust"),
  list(seed = 6, stages = 1, fpc = TRUE, lonely = "adjust"),
  list(seed = 7, stages = 1, fpc = FALSE, lonely = "certainty"),
  list(seed = 8, stages = 2, fpc = TRUE, lonely = "average"),
  list(seed = 9, stages = 1, fpc = FALSE, lonely = "remove"),
  list(seed = 10, stages = 2, fpc = TRUE, lonely = "remove"),
  list(seed = 11, stages = 1, fpc = TRUE, lonely = "certainty"),
  list(seed = 12, stages = 2, fpc = FALSE, lonely = "adjust")
)
all_cases <- list()
for (sp in specs) {
  set.seed(sp$seed)
  H <- sample(3:6, 1)
  rows <- list()
  for (h in 1:H) {
    npsu <- if (h == 1) 1 else sample(2:5, 1)        # stratum 1 is lonely
    Npsu <- npsu + sample(0:20, 1)
    for (p in 1:npsu) {
      nssu <- sample(1:4, 1)
      Nssu <- nssu + sample(0:6, 1)
      for (q in 1:nssu) {
        m <- sample(2:8, 1)
        rows[[length(rows) + 1]] <- data.frame(st = h, psu = p, ssu = q, N1 = Npsu, N2 = Nssu,
                                               w = runif(m, 5, 50))
      }
    }
  }
  df <- do.call(rbind, rows)
  n <- nrow(df)
  df$y <- round(rnorm(n, 50 + 3 * df$st, 10), 3)
  df$y[sample(n, max(1, n %/% 15))] <- NA
  df$x <- round(runif(n, 10, 30), 3)
  df$g <- sample(c("a", "b", "c"), n, replace = TRUE, prob = c(0.5, 0.3, 0.2))
  df$h <- sample(c("u", "v"), n, replace = TRUE)
  df$h[sample(n, 3)] <- NA
  file <- sprintf("random%d.csv", sp$seed)
  write.csv(df, file.path(out_dir, file), row.names = FALSE, na = "NA")
  options(survey.lonely.psu = sp$lonely)
  ids <- if (sp$stages == 1) ~psu else ~psu + ssu
  fpc <- if (!sp$fpc) NULL else if (sp$stages == 1) ~N1 else ~N1 + N2
  d <- if (sp$fpc && sp$stages == 2) svydesign(ids = ids, strata = ~st, fpc = fpc, nest = TRUE, data = df)
       else svydesign(ids = ids, strata = ~st, weights = ~w, fpc = fpc, nest = TRUE, data = df)
  res <- list()
  m <- svymean(~y, d, na.rm = TRUE, deff = TRUE)
  res$mean_y <- list(estimate = coef(m), se = SE(m), deff = diag(as.matrix(attr(m, "deff"))))
  t <- svytotal(~g, d, deff = TRUE)
  res$total_g <- list(estimate = coef(t), se = SE(t), deff = diag(as.matrix(attr(t, "deff"))))
  b <- svyby(~y, ~g, d, svymean, na.rm = TRUE)
  res$by_g_mean_y <- list(estimate = unname(coef(b)), se = unname(SE(b)))
  r <- svyratio(~y, ~x, d, na.rm = TRUE)
  res$ratio_y_x <- list(estimate = unname(coef(r)), se = unname(SE(r)))
  for (s in c("F", "Wald")) {
    ch <- tryCatch(svychisq(~g + h, d, statistic = s), error = function(e) NULL)  # singular Wald V
    if (!is.null(ch))
      res[[paste0("chisq_", s)]] <- list(statistic = unname(ch$statistic), parameter = unname(ch$parameter), p_value = ch$p.value)
  }
  q <- svyquantile(~x, d, quantiles = 0.5, ci = TRUE)[[1]]
  res$quantile_x <- list(estimate = q[, 1], ci = q[, 2:3], se = q[, 4])
  res$degf <- list(value = degf(d))
  if (sp$stages == 1) {
    rd <- as.svrepdesign(d, type = "JKn")
    rm <- svymean(~x + g, rd)
    res$jkn_mean <- list(estimate = coef(rm), se = SE(rm))
  }
  all_cases[[length(all_cases) + 1]] <- list(seed = sp$seed, file = file, stages = sp$stages, fpc = sp$fpc,
                                             lonely = sp$lonely, results = res)
}
writeLines(toJSON(fmt_all(all_cases), auto_unbox = TRUE, pretty = FALSE), file.path(out_dir, "random.json"))
cat("wrote", length(all_cases), "random designs\n")
