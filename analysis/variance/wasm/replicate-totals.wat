;; Replicate totals (analysis/variance/replicate.ts, `replicateTotals`) in WebAssembly SIMD: a
;; stream of terms, each (row i32, t i32, u f64) in 16 bytes, in the JS loop's order (rows in
;; order, each row's estimates in order). For each term, for r from 0 to R - 1:
;; t[r] += w[r] * u when w[r] != 0, where w is the row's R replicate weights (row-major, at byte
;; address `row`) and t the estimate's R sums (at byte address `t`). Two replicates share one f64x2
;; (one per lane), so each sum gets exactly the JS loop's IEEE operations in the same order (plain
;; mul and add; no FMA, no relaxed SIMD): a term with w = 0 is masked to +0 instead of skipped,
;; which leaves the sum's bits as they are (a sum from +0 is never -0, and s + +0 = s otherwise).
;; Four replicates per pass, then a pair, then one alone. Addresses in bytes, in this memory.
(module
  (memory (export "memory") 1)
  (func (export "totals") (param $stream i32) (param $end i32) (param $R i32)
    (local $w i32) (local $t i32) (local $u v128) (local $us f64)
    (local $a i32) (local $end4 i32) (local $end2 i32) (local $bytes i32)
    (local $v v128) (local $s f64)
    (local.set $bytes (i32.shl (local.get $R) (i32.const 3)))
    (local.set $end4 (i32.shl (i32.and (local.get $R) (i32.const -4)) (i32.const 3)))
    (local.set $end2 (i32.shl (i32.and (local.get $R) (i32.const -2)) (i32.const 3)))
    (block $done
      (loop $term
        (br_if $done (i32.ge_u (local.get $stream) (local.get $end)))
        (local.set $w (i32.load (local.get $stream)))
        (local.set $t (i32.load offset=4 (local.get $stream)))
        (local.set $us (f64.load offset=8 (local.get $stream)))
        (local.set $u (f64x2.splat (local.get $us)))
        (local.set $a (i32.const 0))
        ;; four replicates at a time
        (block $done4
          (loop $four
            (br_if $done4 (i32.ge_u (local.get $a) (local.get $end4)))
            (local.set $v (v128.load (i32.add (local.get $w) (local.get $a))))
            (v128.store (i32.add (local.get $t) (local.get $a))
              (f64x2.add (v128.load (i32.add (local.get $t) (local.get $a)))
                (v128.and (f64x2.mul (local.get $v) (local.get $u))
                  (f64x2.ne (local.get $v) (f64x2.splat (f64.const 0))))))
            (local.set $v (v128.load offset=16 (i32.add (local.get $w) (local.get $a))))
            (v128.store offset=16 (i32.add (local.get $t) (local.get $a))
              (f64x2.add (v128.load offset=16 (i32.add (local.get $t) (local.get $a)))
                (v128.and (f64x2.mul (local.get $v) (local.get $u))
                  (f64x2.ne (local.get $v) (f64x2.splat (f64.const 0))))))
            (local.set $a (i32.add (local.get $a) (i32.const 32)))
            (br $four)))
        ;; a pair
        (if (i32.lt_u (local.get $a) (local.get $end2))
          (then
            (local.set $v (v128.load (i32.add (local.get $w) (local.get $a))))
            (v128.store (i32.add (local.get $t) (local.get $a))
              (f64x2.add (v128.load (i32.add (local.get $t) (local.get $a)))
                (v128.and (f64x2.mul (local.get $v) (local.get $u))
                  (f64x2.ne (local.get $v) (f64x2.splat (f64.const 0))))))
            (local.set $a (i32.add (local.get $a) (i32.const 16)))))
        ;; the last replicate alone (scalar, the same operations)
        (if (i32.lt_u (local.get $a) (local.get $bytes))
          (then
            (local.set $s (f64.load (i32.add (local.get $w) (local.get $a))))
            (if (f64.ne (local.get $s) (f64.const 0))
              (then
                (f64.store (i32.add (local.get $t) (local.get $a))
                  (f64.add (f64.load (i32.add (local.get $t) (local.get $a)))
                    (f64.mul (local.get $s) (local.get $us))))))))
        (local.set $stream (i32.add (local.get $stream) (i32.const 16)))
        (br $term))))
)
