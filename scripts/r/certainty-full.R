# A certainty EA taken in full adds no replicate variance: R survey's as.svrepdesign(type = "JKn")
# with an FPC whose sampling fraction is 1 in that variance stratum. Stratum A: three sampled EAs
# and the certainty EA A0 whose 4 households were all interviewed (pi2 = 1); stratum B: two sampled
# EAs and the certainty EA B0 with half its households (pi2 = 0.5, no FPC: Morabeza's JKn has none for
# partial takes, so the population size there is given as 1e15). Certainty EAs are variance strata of
# their own with the households as PSUs (analysis/weighting/replicates.ts). Run from the repo root:
#   Rscript scripts/r/certainty-full.R   (writes tests/fixtures/weighting/certainty-full/)
suppressPackageStartupMessages({ library(survey); library(jsonlite) })
dir <- "tests/fixtures/weighting/certainty-full"
ea <- data.frame(
  cluster = c("A1", "A2", "A3", "A0", "B1", "B2", "B0"),
  stratum = c("A", "A", "A", "A", "B", "B", "B"),
  pi1 = c(0.4, 0.4, 0.4, 1, 0.5, 0.5, 1),
  pi2 = c(0.25, 0.25, 0.25, 1, 0.3, 0.3, 0.5),
  n = c(3, 3, 3, 4, 3, 3, 5),
  certainty = c(FALSE, FALSE, FALSE, TRUE, FALSE, FALSE, TRUE),
  stringsAsFactors = FALSE
)
u <- ea[rep(seq_len(nrow(ea)), ea$n), ]
u$id <- paste0(u$cluster, "-", ave(seq_len(nrow(u)), u$cluster, FUN = seq_along))
u$y <- c(3, 5, 4, 6, 2, 7, 5, 5, 8, 12, 9, 14, 10, 4, 6, 3, 7, 5, 6, 9, 11, 8, 10, 12)[seq_len(nrow(u))]
u$w1 <- 1 / (u$pi1 * u$pi2)
u$var_stratum <- ifelse(u$certainty, paste0(u$stratum, ":", u$cluster), u$stratum)
u$psu <- ifelse(u$certainty, u$id, u$cluster)
# population size of the variance stratum's PSUs: the EA's households where it was taken in full
u$N <- ifelse(u$certainty & u$pi2 == 1, ave(u$pi2, u$var_stratum, FUN = length), 1e15)
d <- svydesign(ids = ~psu, strata = ~var_stratum, weights = ~w1, fpc = ~N, data = u)
rd <- as.svrepdesign(d, type = "JKn", compress = FALSE)
rep <- weights(rd, type = "analysis")
label <- apply(rep, 2, function(col) { i <- which(col == 0)[1]; paste0(u$var_stratum[i], "/", u$psu[i]) })
est <- svytotal(~y, rd)
write.csv(u[, c("id", "cluster", "stratum", "pi1", "pi2", "certainty", "y")], file.path(dir, "units.csv"), row.names = FALSE)
writeLines(toJSON(list(
  rscales = setNames(as.list(rd$rscales), label),
  total = unname(coef(est)),
  se = unname(SE(est))
), digits = NA, auto_unbox = TRUE), file.path(dir, "expected.json"))
cat("replicates:", ncol(rep), " rscales:", rd$rscales, "\n")
