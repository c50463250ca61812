# Golden values for the duration statistics (server/domain/quality/stats.ts): R's median and R's default
# quantile (type 7) on small fixed vectors. Run: Rscript scripts/r/quantiles.R > tests/fixtures/quality/quantiles.json
library(jsonlite)
cases <- list(
  c(12.5, 3, 47, 8.25, 3, 19, 31.5),
  c(4, 1, 3, 2),
  c(42),
  c(30, 10),
  c(5, 5, 5, 90, 1, 2, 60, 33, 17, 8)
)
p <- c(0, 0.1, 0.25, 0.5, 0.75, 0.9, 1)
out <- lapply(cases, function(x) list(x = x, median = median(x), p = p, quantile = unname(quantile(x, p, type = 7))))
cat(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), "\n")
