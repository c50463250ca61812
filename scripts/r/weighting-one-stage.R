# The weighting of a one-stage stratified sample (each desk a stratum, visits sampled systematically
# per desk-week) with R survey: base weights tallied / sampled, JKn replicates with the visits as PSUs
# in each desk (svydesign(ids = ~1, strata = ~desk) + as.svrepdesign(type = "JKn")), nonresponse
# adjusted within the desk in the full sample and in each replicate (R has no nonresponse function:
# the ratio sum(w, eligible) / sum(w, respondents) by hand), then postStratify(~desk) of the respondents
# and the ineligible visits (the desks' service counts count every visit) on the replicate design, and
# the ineligible visits dropped. Reads and writes tests/fixtures/weighting/one-stage/.
# Run: Rscript scripts/r/weighting-one-stage.R
suppressPackageStartupMessages({ library(survey); library(jsonlite) })
dir <- "tests/fixtures/weighting/one-stage"
u <- read.csv(file.path(dir, "units.csv"), stringsAsFactors = FALSE)
controls <- fromJSON(file.path(dir, "controls.json"))
u$w1 <- u$tallied / u$sampled
d <- svydesign(ids = ~1, strata = ~desk, weights = ~w1, data = u)
rd <- as.svrepdesign(d, type = "JKn", compress = FALSE)
# one column per replicate: the JKn factors (0 for the dropped visit, n_h / (n_h - 1) for the rest of
# its desk, 1 elsewhere), times the base weights unless the design already combines them
rep <- weights(rd, type = "replication")
if (!rd$combined.weights) rep <- rep * u$w1
# each replicate drops one visit: its label is desk/visit id
label <- apply(rep, 2, function(col) { i <- which(col == 0); paste0(u$desk[i], ":", u$desk[i], "/", u$id[i]) })

nonresponse <- function(w) {
  out <- w
  for (h in unique(u$desk)) {
    eligible <- u$desk == h & u$status != "ineligible"
    resp <- eligible & u$status == "respondent"
    f <- sum(w[eligible]) / sum(w[resp])
    out[eligible] <- ifelse(u$status[eligible] == "respondent", w[eligible] * f, 0)
  }
  out
}
w3 <- nonresponse(u$w1)
rep3 <- apply(rep, 2, nonresponse)
keep <- u$status != "nonrespondent"
rd3 <- svrepdesign(data = u[keep, ], repweights = rep3[keep, ], weights = w3[keep], type = "JKn",
                   scale = 1, rscales = rd$rscales, combined.weights = TRUE)
pop <- data.frame(desk = names(controls), Freq = unlist(controls))
ps <- postStratify(rd3, ~desk, pop)
final <- numeric(nrow(u)); final[keep] <- weights(ps, type = "sampling")
repfinal <- matrix(0, nrow(u), ncol(rep)); repfinal[keep, ] <- weights(ps, type = "replication")
final[u$status == "ineligible"] <- 0
repfinal[u$status == "ineligible", ] <- 0
# a check R computes itself: the total of a variable and its replicate SE on the final design
ps$variables$one <- 1
est <- svytotal(~one, subset(ps, status == "respondent"))
out <- list(
  ids = u$id,
  w1_base = u$w1,
  w3_hhnr = w3,
  w_hh = final,
  rscales = setNames(as.list(rd$rscales), label),
  replicates = setNames(lapply(seq_len(ncol(rep)), function(j) repfinal[, j]), label),
  respondents_total = unname(coef(est)),
  respondents_total_se = unname(SE(est))
)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE), file.path(dir, "expected.json"))
cat("replicates:", ncol(rep), "\n")
