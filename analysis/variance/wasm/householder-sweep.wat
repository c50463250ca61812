;; The dqrdc2 rank's fused Householder sweep (analysis/variance/replicate-rank.ts, `fusedSweep`) in
;; WebAssembly SIMD: for each of `left` columns from position j (column-major, each starting at the
;; element offset offsets[j]), t = -dots[o / m] / pivot; x[o + l] += t * x[ol + l]; then for i from
;; l + 1 to m - 1: y = x[o + i] + t * x[ol + i], stored, and d += x[op + i] * y, d written to
;; dots[o / m]. Two columns share one f64x2 (one per lane), so each column gets exactly the JS
;; loop's IEEE operations in the same order (plain mul, add, div, neg; no FMA, no relaxed SIMD):
;; the same bits. Eight columns per pass (four accumulators), then pairs, then one column alone.
;; Addresses in bytes: x, offsets (i32) and dots (f64) live in this module's memory.
(module
  (memory (export "memory") 1)
  (func (export "sweep")
    (param $x i32) (param $offs i32) (param $dots i32) (param $j i32) (param $left i32)
    (param $ol i32) (param $op i32) (param $l i32) (param $m i32) (param $pivot f64)
    (local $o0 i32) (local $o1 i32) (local $o2 i32) (local $o3 i32)
    (local $o4 i32) (local $o5 i32) (local $o6 i32) (local $o7 i32)
    (local $pv i32) (local $pw i32) (local $end i32) (local $k i32)
    (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    (local $d0 v128) (local $d1 v128) (local $d2 v128) (local $d3 v128)
    (local $y v128) (local $v v128) (local $w v128) (local $vl v128)
    (local $a i32) (local $b i32) (local $ts f64) (local $ds f64)
    ;; x[ol + l], the pivot's first element, as both lanes
    (local.set $vl (f64x2.splat (f64.load (i32.add (local.get $x) (i32.shl (i32.add (local.get $ol) (local.get $l)) (i32.const 3))))))
    ;; eight columns at a time
    (block $done8
      (loop $next8
        (br_if $done8 (i32.lt_s (local.get $left) (i32.const 8)))
        (local.set $k (i32.add (local.get $offs) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $o0 (i32.load offset=0 (local.get $k)))
        (local.set $o1 (i32.load offset=4 (local.get $k)))
        (local.set $o2 (i32.load offset=8 (local.get $k)))
        (local.set $o3 (i32.load offset=12 (local.get $k)))
        (local.set $o4 (i32.load offset=16 (local.get $k)))
        (local.set $o5 (i32.load offset=20 (local.get $k)))
        (local.set $o6 (i32.load offset=24 (local.get $k)))
        (local.set $o7 (i32.load offset=28 (local.get $k)))
        (local.set $t0 (call $tPair (local.get $dots) (local.get $o0) (local.get $o1) (local.get $m) (local.get $pivot)))
        (local.set $t1 (call $tPair (local.get $dots) (local.get $o2) (local.get $o3) (local.get $m) (local.get $pivot)))
        (local.set $t2 (call $tPair (local.get $dots) (local.get $o4) (local.get $o5) (local.get $m) (local.get $pivot)))
        (local.set $t3 (call $tPair (local.get $dots) (local.get $o6) (local.get $o7) (local.get $m) (local.get $pivot)))
        ;; byte addresses of row l in each column
        (local.set $o0 (i32.add (local.get $x) (i32.shl (i32.add (local.get $o0) (local.get $l)) (i32.const 3))))
        (local.set $o1 (i32.add (local.get $x) (i32.shl (i32.add (local.get $o1) (local.get $l)) (i32.const 3))))
        (local.set $o2 (i32.add (local.get $x) (i32.shl (i32.add (local.get $o2) (local.get $l)) (i32.const 3))))
        (local.set $o3 (i32.add (local.get $x) (i32.shl (i32.add (local.get $o3) (local.get $l)) (i32.const 3))))
        (local.set $o4 (i32.add (local.get $x) (i32.shl (i32.add (local.get $o4) (local.get $l)) (i32.const 3))))
        (local.set $o5 (i32.add (local.get $x) (i32.shl (i32.add (local.get $o5) (local.get $l)) (i32.const 3))))
        (local.set $o6 (i32.add (local.get $x) (i32.shl (i32.add (local.get $o6) (local.get $l)) (i32.const 3))))
        (local.set $o7 (i32.add (local.get $x) (i32.shl (i32.add (local.get $o7) (local.get $l)) (i32.const 3))))
        ;; row l: x[o + l] += t * x[ol + l]
        (call $rowL (local.get $o0) (local.get $o1) (local.get $t0) (local.get $vl))
        (call $rowL (local.get $o2) (local.get $o3) (local.get $t1) (local.get $vl))
        (call $rowL (local.get $o4) (local.get $o5) (local.get $t2) (local.get $vl))
        (call $rowL (local.get $o6) (local.get $o7) (local.get $t3) (local.get $vl))
        (local.set $d0 (f64x2.splat (f64.const 0)))
        (local.set $d1 (f64x2.splat (f64.const 0)))
        (local.set $d2 (f64x2.splat (f64.const 0)))
        (local.set $d3 (f64x2.splat (f64.const 0)))
        ;; rows l + 1 .. m - 1: a = byte offset from row l, up to end
        (local.set $pv (i32.add (local.get $x) (i32.shl (i32.add (local.get $ol) (local.get $l)) (i32.const 3))))
        (local.set $pw (i32.add (local.get $x) (i32.shl (i32.add (local.get $op) (local.get $l)) (i32.const 3))))
        (local.set $end (i32.shl (i32.sub (local.get $m) (local.get $l)) (i32.const 3)))
        (local.set $a (i32.const 8))
        (block $rows8
          (loop $row8
            (br_if $rows8 (i32.ge_s (local.get $a) (local.get $end)))
            (local.set $v (f64x2.splat (f64.load (i32.add (local.get $pv) (local.get $a)))))
            (local.set $w (f64x2.splat (f64.load (i32.add (local.get $pw) (local.get $a)))))
            ;; columns 0, 1
            (local.set $b (i32.add (local.get $o0) (local.get $a)))
            (local.set $k (i32.add (local.get $o1) (local.get $a)))
            (local.set $y (f64x2.add
              (v128.load64_lane 1 (local.get $k) (v128.load64_zero (local.get $b)))
              (f64x2.mul (local.get $t0) (local.get $v))))
            (v128.store64_lane 0 (local.get $b) (local.get $y))
            (v128.store64_lane 1 (local.get $k) (local.get $y))
            (local.set $d0 (f64x2.add (local.get $d0) (f64x2.mul (local.get $w) (local.get $y))))
            ;; columns 2, 3
            (local.set $b (i32.add (local.get $o2) (local.get $a)))
            (local.set $k (i32.add (local.get $o3) (local.get $a)))
            (local.set $y (f64x2.add
              (v128.load64_lane 1 (local.get $k) (v128.load64_zero (local.get $b)))
              (f64x2.mul (local.get $t1) (local.get $v))))
            (v128.store64_lane 0 (local.get $b) (local.get $y))
            (v128.store64_lane 1 (local.get $k) (local.get $y))
            (local.set $d1 (f64x2.add (local.get $d1) (f64x2.mul (local.get $w) (local.get $y))))
            ;; columns 4, 5
            (local.set $b (i32.add (local.get $o4) (local.get $a)))
            (local.set $k (i32.add (local.get $o5) (local.get $a)))
            (local.set $y (f64x2.add
              (v128.load64_lane 1 (local.get $k) (v128.load64_zero (local.get $b)))
              (f64x2.mul (local.get $t2) (local.get $v))))
            (v128.store64_lane 0 (local.get $b) (local.get $y))
            (v128.store64_lane 1 (local.get $k) (local.get $y))
            (local.set $d2 (f64x2.add (local.get $d2) (f64x2.mul (local.get $w) (local.get $y))))
            ;; columns 6, 7
            (local.set $b (i32.add (local.get $o6) (local.get $a)))
            (local.set $k (i32.add (local.get $o7) (local.get $a)))
            (local.set $y (f64x2.add
              (v128.load64_lane 1 (local.get $k) (v128.load64_zero (local.get $b)))
              (f64x2.mul (local.get $t3) (local.get $v))))
            (v128.store64_lane 0 (local.get $b) (local.get $y))
            (v128.store64_lane 1 (local.get $k) (local.get $y))
            (local.set $d3 (f64x2.add (local.get $d3) (f64x2.mul (local.get $w) (local.get $y))))
            (local.set $a (i32.add (local.get $a) (i32.const 8)))
            (br $row8)))
        (local.set $k (i32.add (local.get $offs) (i32.shl (local.get $j) (i32.const 2))))
        (call $storeDots (local.get $dots) (local.get $k) (local.get $m) (local.get $d0))
        (call $storeDots (local.get $dots) (i32.add (local.get $k) (i32.const 8)) (local.get $m) (local.get $d1))
        (call $storeDots (local.get $dots) (i32.add (local.get $k) (i32.const 16)) (local.get $m) (local.get $d2))
        (call $storeDots (local.get $dots) (i32.add (local.get $k) (i32.const 24)) (local.get $m) (local.get $d3))
        (local.set $j (i32.add (local.get $j) (i32.const 8)))
        (local.set $left (i32.sub (local.get $left) (i32.const 8)))
        (br $next8)))
    ;; two columns at a time
    (block $done2
      (loop $next2
        (br_if $done2 (i32.lt_s (local.get $left) (i32.const 2)))
        (local.set $k (i32.add (local.get $offs) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $o0 (i32.load offset=0 (local.get $k)))
        (local.set $o1 (i32.load offset=4 (local.get $k)))
        (local.set $t0 (call $tPair (local.get $dots) (local.get $o0) (local.get $o1) (local.get $m) (local.get $pivot)))
        (local.set $o0 (i32.add (local.get $x) (i32.shl (i32.add (local.get $o0) (local.get $l)) (i32.const 3))))
        (local.set $o1 (i32.add (local.get $x) (i32.shl (i32.add (local.get $o1) (local.get $l)) (i32.const 3))))
        (call $rowL (local.get $o0) (local.get $o1) (local.get $t0) (local.get $vl))
        (local.set $d0 (f64x2.splat (f64.const 0)))
        (local.set $pv (i32.add (local.get $x) (i32.shl (i32.add (local.get $ol) (local.get $l)) (i32.const 3))))
        (local.set $pw (i32.add (local.get $x) (i32.shl (i32.add (local.get $op) (local.get $l)) (i32.const 3))))
        (local.set $end (i32.shl (i32.sub (local.get $m) (local.get $l)) (i32.const 3)))
        (local.set $a (i32.const 8))
        (block $rows2
          (loop $row2
            (br_if $rows2 (i32.ge_s (local.get $a) (local.get $end)))
            (local.set $v (f64x2.splat (f64.load (i32.add (local.get $pv) (local.get $a)))))
            (local.set $w (f64x2.splat (f64.load (i32.add (local.get $pw) (local.get $a)))))
            (local.set $b (i32.add (local.get $o0) (local.get $a)))
            (local.set $k (i32.add (local.get $o1) (local.get $a)))
            (local.set $y (f64x2.add
              (v128.load64_lane 1 (local.get $k) (v128.load64_zero (local.get $b)))
              (f64x2.mul (local.get $t0) (local.get $v))))
            (v128.store64_lane 0 (local.get $b) (local.get $y))
            (v128.store64_lane 1 (local.get $k) (local.get $y))
            (local.set $d0 (f64x2.add (local.get $d0) (f64x2.mul (local.get $w) (local.get $y))))
            (local.set $a (i32.add (local.get $a) (i32.const 8)))
            (br $row2)))
        (local.set $k (i32.add (local.get $offs) (i32.shl (local.get $j) (i32.const 2))))
        (call $storeDots (local.get $dots) (local.get $k) (local.get $m) (local.get $d0))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (local.set $left (i32.sub (local.get $left) (i32.const 2)))
        (br $next2)))
    ;; the last column alone (scalar, the same operations)
    (if (i32.eq (local.get $left) (i32.const 1))
      (then
        (local.set $o0 (i32.load (i32.add (local.get $offs) (i32.shl (local.get $j) (i32.const 2)))))
        (local.set $b (i32.add (local.get $dots) (i32.shl (i32.div_u (local.get $o0) (local.get $m)) (i32.const 3))))
        (local.set $ts (f64.div (f64.neg (f64.load (local.get $b))) (local.get $pivot)))
        (local.set $o0 (i32.add (local.get $x) (i32.shl (i32.add (local.get $o0) (local.get $l)) (i32.const 3))))
        (f64.store (local.get $o0)
          (f64.add (f64.load (local.get $o0)) (f64.mul (local.get $ts) (f64x2.extract_lane 0 (local.get $vl)))))
        (local.set $pv (i32.add (local.get $x) (i32.shl (i32.add (local.get $ol) (local.get $l)) (i32.const 3))))
        (local.set $pw (i32.add (local.get $x) (i32.shl (i32.add (local.get $op) (local.get $l)) (i32.const 3))))
        (local.set $end (i32.shl (i32.sub (local.get $m) (local.get $l)) (i32.const 3)))
        (local.set $a (i32.const 8))
        (local.set $ds (f64.const 0))
        (block $rows1
          (loop $row1
            (br_if $rows1 (i32.ge_s (local.get $a) (local.get $end)))
            (local.set $k (i32.add (local.get $o0) (local.get $a)))
            (f64.store (local.get $k)
              (f64.add (f64.load (local.get $k))
                (f64.mul (local.get $ts) (f64.load (i32.add (local.get $pv) (local.get $a))))))
            (local.set $ds (f64.add (local.get $ds)
              (f64.mul (f64.load (i32.add (local.get $pw) (local.get $a))) (f64.load (local.get $k)))))
            (local.set $a (i32.add (local.get $a) (i32.const 8)))
            (br $row1)))
        (f64.store (local.get $b) (local.get $ds)))))
  ;; t of two columns: -dots[o / m] / pivot, one per lane
  (func $tPair (param $dots i32) (param $o0 i32) (param $o1 i32) (param $m i32) (param $pivot f64) (result v128)
    (f64x2.div
      (f64x2.neg
        (f64x2.replace_lane 1
          (f64x2.splat (f64.load (i32.add (local.get $dots) (i32.shl (i32.div_u (local.get $o0) (local.get $m)) (i32.const 3)))))
          (f64.load (i32.add (local.get $dots) (i32.shl (i32.div_u (local.get $o1) (local.get $m)) (i32.const 3))))))
      (f64x2.splat (local.get $pivot))))
  ;; row l of two columns at byte addresses a, b: x += t * v
  (func $rowL (param $a i32) (param $b i32) (param $t v128) (param $v v128)
    (local $y v128)
    (local.set $y (f64x2.add
      (v128.load64_lane 1 (local.get $b) (v128.load64_zero (local.get $a)))
      (f64x2.mul (local.get $t) (local.get $v))))
    (v128.store64_lane 0 (local.get $a) (local.get $y))
    (v128.store64_lane 1 (local.get $b) (local.get $y)))
  ;; dots[offsets[k] / m] and dots[offsets[k + 1] / m] from the two lanes of d (k: byte address)
  (func $storeDots (param $dots i32) (param $k i32) (param $m i32) (param $d v128)
    (f64.store (i32.add (local.get $dots) (i32.shl (i32.div_u (i32.load (local.get $k)) (local.get $m)) (i32.const 3)))
      (f64x2.extract_lane 0 (local.get $d)))
    (f64.store (i32.add (local.get $dots) (i32.shl (i32.div_u (i32.load offset=4 (local.get $k)) (local.get $m)) (i32.const 3)))
      (f64x2.extract_lane 1 (local.get $d))))
)
