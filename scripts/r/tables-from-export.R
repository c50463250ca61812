# The standard tables recomputed from a microdata export alone, as an outside analyst would: the
# files (CSV, or .dta when there is no CSV), the export's codebook.json (each unit's weight,
# replicate columns, type, scale, rscales, mse, calibration margins; each variable's value labels and
# special codes) and a tables plan (questionnaires/<survey>/tables.json), with R survey only. Every
# table of the plan: derived variables from the plan's cut/recode, the universe as a subset of the
# unit's replicate design (proxies left out when the plan says so), domains via svyby, proportions
# by svyciprop's logit method (or Wald when the plan says "ci": "wald"), means and totals with
# confint on t, medians by svyquantile (Woodruff), every df = degf() of the domain's (sub)design,
# deffs from svymean/svytotal(deff = TRUE), a multiple-response question ("statistic": "multiple")
# from the export's 0/1 variable per option (svymean of each, na.rm: the units that answered), the weighted share of the proxies a table leaves out, and
# each cell's reliability (empty, suppress, flag, ok, control) from its own n and CV; the rows of a
# table's omitLevels (codes its universe rules out) left out once R has found them empty.
# Each unit's rows, weight and replicate columns are the codebook's design entry (the member unit:
# every rostered person, with the household's weight and replicates the person file carries).
# Nothing here names a survey or a table: all comes from the plan and the codebook.
# Usage: Rscript scripts/r/tables-from-export.R <export-dir> <tables.json> <out.json> [min_n] [cv_flag]
suppressMessages({
  library(survey)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 3) stop("usage: tables-from-export.R <export-dir> <tables.json> <out.json> [min_n] [cv_flag]")
dir <- args[1]
plan <- fromJSON(args[2], simplifyVector = FALSE)
min_n <- if (length(args) >= 4) as.numeric(args[4]) else 30
cv_flag <- if (length(args) >= 5) as.numeric(args[5]) else 0.3
cb <- fromJSON(file.path(dir, "codebook.json"), simplifyVector = FALSE)
conf <- if (is.null(plan$confLevel)) 0.95 else plan$confLevel
alpha <- 1 - conf

# A value as text, the way the plan writes codes ("1", "PT", "2.5").
str_of <- function(x) if (is.numeric(x)) sprintf("%.15g", x) else as.character(x)

# ---- the files: raw codes, special codes kept as their codes (the plan decides what is missing)
vars_of <- function(file) Filter(function(v) v$file == file, cb$variables)
read_file <- function(file) {
  vs <- vars_of(file)
  csv <- file.path(dir, paste0(file, ".csv"))
  if (file.exists(csv)) {
    classes <- vapply(vs, function(v) if (v$type == "numeric") "numeric" else "character", "")
    names(classes) <- vapply(vs, function(v) v$variable, "")
    d <- read.csv(csv, colClasses = classes, na.strings = c("", "NA"), check.names = FALSE)
    return(d)
  }
  suppressMessages(library(haven))
  d <- as.data.frame(read_dta(file.path(dir, paste0(file, ".dta"))))
  for (v in vs) {
    x <- d[[v$variable]]
    if (v$type == "numeric") {
      y <- as.numeric(unclass(zap_labels(x)))
      # Stata's extended missing values back to the codes the codebook lists for them
      for (m in v$missing) y[is_tagged_na(x, sub("^\\.", "", m$stata))] <- m$code
      d[[v$variable]] <- y
    } else {
      y <- as.character(zap_labels(x))
      y[y == ""] <- NA
      d[[v$variable]] <- y
    }
  }
  d
}
files <- list()
for (u in cb$design) if (is.null(files[[u$file]])) files[[u$file]] <- read_file(u$file)

# ---- derived variables of the plan: classes of a number (lower bounds) or groups of codes
derive <- function(src, d) {
  out <- rep(NA_real_, length(src))
  if (!is.null(d$cut)) {
    cut <- unlist(d$cut)
    x <- suppressWarnings(as.numeric(src))
    k <- findInterval(x, cut)
    ok <- !is.na(x) & k >= 1
    codes <- vapply(d$values, function(v) as.numeric(v$code), 0)
    out[ok] <- codes[k[ok]]
    return(out)
  }
  map <- c()
  for (target in names(d$recode)) for (c in d$recode[[target]]) map[str_of(c)] <- as.numeric(target)
  s <- ifelse(is.na(src), NA, str_of(src))
  hit <- map[s]
  out[!is.na(s)] <- if (is.null(d$otherwise)) NA else d$otherwise
  out[!is.na(hit)] <- hit[!is.na(hit)]
  out
}
for (f in names(files)) for (name in names(plan$derived)) {
  d <- plan$derived[[name]]
  if (!is.null(files[[f]][[d$from]])) files[[f]][[name]] <- derive(files[[f]][[d$from]], d)
}
derived_names <- names(plan$derived)

# ---- universes: every condition holds; a missing value fails every comparison but missing/notmissing
same <- function(x, b) if (is.numeric(b)) suppressWarnings(as.numeric(x)) == b else str_of(x) == b
holds <- function(frame, c) {
  x <- frame[[c$variable]]
  if (is.null(x)) stop(sprintf("unknown variable '%s' in a universe", c$variable))
  miss <- is.na(x)
  vals <- c$values
  ok <- switch(c$op,
    "missing" = miss,
    "notmissing" = !miss,
    "=" = same(x, c$value),
    "!=" = !same(x, c$value),
    "in" = Reduce(`|`, lapply(vals, function(b) same(x, b)), rep(FALSE, length(x))),
    "notin" = !Reduce(`|`, lapply(vals, function(b) same(x, b)), rep(FALSE, length(x))),
    ">" = as.numeric(x) > as.numeric(c$value),
    ">=" = as.numeric(x) >= as.numeric(c$value),
    "<" = as.numeric(x) < as.numeric(c$value),
    "<=" = as.numeric(x) <= as.numeric(c$value))
  if (!(c$op %in% c("missing", "notmissing"))) ok <- ok & !miss
  ok & !is.na(ok)
}
mask_of <- function(frame, conds) {
  m <- rep(TRUE, nrow(frame))
  for (c in conds) m <- m & holds(frame, c)
  m
}

# ---- controls: a cell's rows are exactly a union of classes of one calibration margin of the unit
union_of <- function(in_set, frame, margins) {
  if (!any(in_set)) return(NULL)
  for (m in margins) {
    col <- frame[[m$column]]
    if (is.null(col) || any(is.na(col[in_set]))) next
    k <- str_of(col)
    inside <- table(k[in_set])
    all <- table(k[!is.na(col)])[names(inside)]
    if (all(inside == all)) return(m)
  }
  NULL
}
is_control <- function(stat, categorical, y, dom_rows, level, frame, margins) {
  if (!length(margins) || stat %in% c("mean", "median", "multiple")) return(FALSE)
  if (!categorical) {
    v <- unique(y[dom_rows])
    return(length(v) <= 1 && !is.null(union_of(dom_rows, frame, margins)))
  }
  num <- union_of(dom_rows & str_of(y) == level, frame, margins)
  if (is.null(num)) return(FALSE)
  if (stat != "proportion") return(TRUE)
  !is.null(union_of(dom_rows, frame, margins))
}

reliability <- function(n, cv) {
  if (n == 0) return("empty")
  if (!(n >= min_n)) return("suppress")
  if (!isTRUE(abs(cv) <= cv_flag)) return("flag")
  "ok"
}

# ---- the logit interval of svyciprop: svyglm(quasibinomial) on the domain, Wald on the logit scale
# with t on degf(domain). svyciprop's own fit stops at glm's tolerance (1e-8, ~1e-9 in the limits);
# the same fit with the tolerance tightened gives the limits to ~1e-13 (checked against svyciprop).
expit <- function(x) 1 - 1 / (1 + exp(x))
logit_ci <- function(sub, yname, level, df, check = FALSE) {
  f <- sprintf("as.numeric(`%s` == %s) ~ 1", yname, level)
  m <- suppressWarnings(svyglm(as.formula(f), sub, family = quasibinomial,
    control = glm.control(epsilon = 1e-15, maxit = 200)))
  tight <- as.numeric(expit(confint(m, 1, level = conf, method = "Wald", ddf = df)))
  if (check) {
    own <- svyciprop(as.formula(paste0("~", sub("~ 1$", "", f))), sub, method = "logit", level = conf,
      df = df, na.rm = TRUE)
    stopifnot(max(abs(tight - as.numeric(attr(own, "ci")))) < 1e-7)
  }
  tight
}

# ---- a share's interval by the table's method: Wald (estimate -/+ t SE) unless the method is logit.
# Logit: a share of exactly 0 or 1 gets none here (svyciprop gives NaN; "clopper-pearson", NA); a
# replicate share of 0 or 1 makes the logit variance infinite, so [0, 1]; else logit_ci's limits.
# `replicate_shares` and `logit_limits` are evaluated only where needed (R's lazy arguments).
share_ci <- function(est, se, df, method, replicate_shares, logit_limits) {
  q <- qt(1 - alpha / 2, df)
  if (method != "logit") return(list(lo = est - q * se, hi = est + q * se, method = method))
  if (!(est > 0 && est < 1)) return(list(lo = NA, hi = NA, method = "clopper-pearson"))
  if (any(replicate_shares <= 0 | replicate_shares >= 1, na.rm = TRUE)) return(list(lo = 0, hi = 1, method = method))
  list(lo = logit_limits[1], hi = logit_limits[2], method = method)
}

# ---- one table
table_of <- function(p) {
  unit <- Filter(function(u) u$unit == p$unit, cb$design)[[1]]
  full <- files[[unit$file]]
  w <- full[[unit$weight]]
  frame <- full[!is.na(w) & w > 0, , drop = FALSE]
  stat <- p$statistic
  yname <- p$variable
  labelled <- Filter(function(v) v$file == unit$file && v$variable == yname, cb$variables)
  categorical <- stat == "proportion" ||
    (stat == "total" && (yname %in% derived_names || (length(labelled) && length(labelled[[1]]$values) > 0)))
  if (!categorical && stat != "multiple") {
    # the table's or the plan's (deprecated) list when given, else the variable's special codes
    # (the codebook's `missing`, from the survey profile)
    own <- if (length(labelled)) vapply(labelled[[1]]$missing, function(m) as.numeric(m$code), 0) else NULL
    miss <- unlist(if (!is.null(p$missingCodes)) p$missingCodes else if (!is.null(plan$missingCodes)) plan$missingCodes else own)
    frame[[yname]][frame[[yname]] %in% miss] <- NA
  }
  universe <- p$universe
  share <- NULL
  if (identical(p$proxies, "excluded")) {
    # the weighted share of proxy interviews in the universe before they leave it
    before <- mask_of(frame, universe)
    proxy <- mask_of(frame, list(list(variable = plan$proxy$variable, op = "in", values = plan$proxy$values)))
    wt <- frame[[unit$weight]]
    share <- sum(wt[before & proxy]) / sum(wt[before])
    universe <- c(universe, list(list(variable = plan$proxy$variable, op = "notin", values = plan$proxy$values)))
  }
  in_u <- mask_of(frame, universe)
  domains <- unlist(p$domains)
  with_dom <- in_u
  for (v in domains) with_dom <- with_dom & !is.na(frame[[v]])
  y <- frame[[yname]]
  levels <- if (categorical) {
    str_of(sort(unique(y[!is.na(y)])))  # every level of the unit's rows: a level absent from a domain is an empty cell
  } else NULL
  frame$.yf <- if (categorical) factor(str_of(y), levels = levels) else NULL
  # a multiple-response question: the export's 0/1 variable of each option (<question>_<code>)
  option_codes <- if (stat == "multiple") vapply(labelled[[1]]$values, function(v) str_of(v$code), "") else NULL
  option_col <- function(code) paste0(yname, "_", gsub("[^A-Za-z0-9_]", "_", sub("^-", "m", code)))
  des <- svrepdesign(data = frame, type = unit$type, weights = as.formula(paste0("~`", unit$weight, "`")),
    repweights = frame[, unlist(unit$repweights)], combined.weights = TRUE, scale = unit$scale,
    rscales = unlist(unit$rscales), mse = unit$mse)
  ci_method <- if (stat == "median") "woodruff" else if (stat %in% c("proportion", "multiple") && !identical(p$ci, "wald")) "logit" else "wald"
  cells <- list()
  # one domain: its rows, its label, and the estimates of svymean/svytotal from svyby (or the whole universe)
  groups <- list(list(rows = in_u, domain = list(), key = character()))
  if (length(domains)) {
    combos <- unique(frame[with_dom, domains, drop = FALSE])
    for (i in seq_len(nrow(combos))) {
      rows <- with_dom
      dom <- list()
      for (v in domains) {
        rows <- rows & str_of(frame[[v]]) == str_of(combos[i, v])
        dom[[length(dom) + 1]] <- list(variable = v, code = str_of(combos[i, v]))
      }
      groups[[length(groups) + 1]] <- list(rows = rows, domain = dom, key = vapply(dom, function(d) d$code, ""))
    }
  }
  # the estimates and SEs of the domains, through svyby on the universe with the domains answered
  yform <- as.formula(if (categorical) "~.yf" else paste0("~`", yname, "`"))
  fun <- if (stat == "total") svytotal else svymean
  by_est <- NULL
  if (length(domains) && !(stat %in% c("median", "multiple"))) {
    by_est <- svyby(yform, as.formula(paste0("~", paste0("`", domains, "`", collapse = "+"))),
      des[with_dom, ], fun, na.rm = TRUE, keep.var = TRUE, deff = TRUE)
  }
  for (g in groups) {
    sub <- des[g$rows, ]
    df <- degf(sub)
    ysub <- y[g$rows]
    if (stat == "multiple") {
      # each option: svymean of its 0/1 variable on the domain, na.rm (the units that answered)
      for (code in option_codes) {
        col <- option_col(code)
        e <- svymean(as.formula(paste0("~`", col, "`")), sub, na.rm = TRUE, deff = TRUE)
        est <- unname(coef(e))
        se <- unname(SE(e))
        ci <- share_ci(est, se, df, ci_method,
          replicate_shares = as.numeric(svymean(as.formula(paste0("~`", col, "`")), sub, na.rm = TRUE,
            return.replicates = TRUE)$replicates),
          logit_limits = logit_ci(sub, col, "1", df, check = !length(g$key)))
        x <- frame[[col]][g$rows]
        cells[[length(cells) + 1]] <- list(domain = g$domain, level = code, estimate = est, se = se,
          ciLower = ci$lo, ciUpper = ci$hi, ciMethod = ci$method, df = df, cv = se / est, deff = as.numeric(deff(e)),
          n = sum(x == 1, na.rm = TRUE), rows = NULL)
      }
      next
    }
    if (stat == "median") {
      q <- svyquantile(yform, sub, 0.5, ci = TRUE, na.rm = TRUE, interval.type = "mean", qrule = "math", df = df)
      est <- unname(coef(q))
      se <- unname(SE(q))
      ci <- unname(confint(q)[1, ])
      n <- sum(!is.na(ysub))
      cells[[length(cells) + 1]] <- list(domain = g$domain, level = NULL, estimate = est, se = se,
        ciLower = ci[1], ciUpper = ci[2], ciMethod = ci_method, df = NULL, dfDesign = df, cv = se / est, n = n)
      next
    }
    if (length(g$key)) {
      # the svyby row of this domain (by columns first, then the estimates, then their SEs)
      b <- as.data.frame(by_est)
      hit <- rep(TRUE, nrow(b))
      for (k in seq_along(domains)) hit <- hit & str_of(b[[domains[k]]]) == g$key[k]
      ns <- attr(by_est, "svyby")$nstats
      row <- b[which(hit), , drop = FALSE]
      est <- as.numeric(row[1, length(domains) + seq_len(ns)])
      se <- as.numeric(row[1, length(domains) + ns + seq_len(ns)])
      deffs <- as.numeric(row[1, length(domains) + 2 * ns + seq_len(ns)])
    } else {
      e <- fun(yform, des[in_u, ], na.rm = TRUE, deff = TRUE)
      est <- unname(coef(e))
      se <- unname(SE(e))
      deffs <- as.numeric(deff(e))
    }
    targets <- if (categorical) levels else NA
    for (j in seq_along(targets)) {
      lev <- targets[j]
      n <- if (categorical) sum(!is.na(ysub) & str_of(ysub) == lev) else sum(!is.na(ysub))
      e <- est[j]
      s <- se[j]
      ci <- share_ci(e, s, df, ci_method,
        replicate_shares = as.numeric(svymean(~I(as.numeric(.yf == lev)), sub, na.rm = TRUE,
          return.replicates = TRUE)$replicates),
        logit_limits = logit_ci(sub, ".yf", sprintf("'%s'", lev), df, check = !length(g$key)))
      cells[[length(cells) + 1]] <- list(domain = g$domain, level = if (categorical) lev else NULL,
        estimate = e, se = s, ciLower = ci$lo, ciUpper = ci$hi, ciMethod = ci$method, df = df, cv = s / e, deff = deffs[j], n = n,
        rows = g$rows)
    }
  }
  # the plan's omitLevels: rows its universe rules out, which must have no unit, left out
  omit <- if (is.null(p$omitLevels)) character() else vapply(p$omitLevels, str_of, "")
  if (length(omit)) {
    for (c in cells) if (!is.null(c$level) && c$level %in% omit && c$n > 0)
      stop(sprintf("%s: level %s is left out, yet %d units of the universe have it", p$id, c$level, c$n))
    cells <- Filter(function(c) is.null(c$level) || !(c$level %in% omit), cells)
  }
  margins <- unit$calibration
  for (k in seq_along(cells)) {
    c <- cells[[k]]
    c$reliability <- reliability(c$n, c$cv)
    rows <- c$rows
    c$rows <- NULL
    if (c$reliability %in% c("ok", "flag") && !is.null(rows)) {
      dom_rows <- rows & !is.na(y)
      if (is_control(stat, categorical, y, dom_rows, c$level, frame, margins)) c$reliability <- "control"
    }
    cells[[k]] <- c
  }
  list(id = p$id, unit = p$unit, statistic = stat, ci = ci_method, proxyShare = share, cells = cells)
}

out <- lapply(plan$tables, table_of)
writeLines(toJSON(list(minN = min_n, cvFlag = cv_flag, tables = out), auto_unbox = TRUE, digits = NA,
  na = "null", null = "null"), args[3])
