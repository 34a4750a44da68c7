//! Interval arithmetic for printed numbers: a value printed with d decimals stands for
//! [x − 0.5·10^-d, x + 0.5·10^-d], widened only by the hedges the text states.

use crate::extract::Quantity;

/// A closed interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
}

impl Interval {
    pub fn of(q: &Quantity) -> Interval {
        let (lo, hi) = q.interval();
        Interval { lo, hi }
    }
    pub fn point(v: f64) -> Interval {
        Interval { lo: v, hi: v }
    }
    /// Do the two intervals share a value? A relative epsilon absorbs binary noise.
    pub fn overlaps(&self, other: &Interval) -> bool {
        let scale = [self.lo, self.hi, other.lo, other.hi]
            .iter()
            .filter(|v| v.is_finite())
            .fold(1.0f64, |m, v| m.max(v.abs()));
        let eps = 1e-9 * scale;
        self.lo <= other.hi + eps && other.lo <= self.hi + eps
    }
    pub fn contains(&self, v: f64) -> bool {
        self.overlaps(&Interval::point(v))
    }
    /// Distance between the intervals (0 when they overlap).
    pub fn gap(&self, other: &Interval) -> f64 {
        if self.overlaps(other) {
            0.0
        } else if self.hi < other.lo {
            other.lo - self.hi
        } else {
            self.lo - other.hi
        }
    }
}

/// Range of `f` over the box `a × b`, for `f` monotone in each argument on the box.
pub fn range2(a: Interval, b: Interval, f: impl Fn(f64, f64) -> f64) -> Interval {
    let v = [f(a.lo, b.lo), f(a.lo, b.hi), f(a.hi, b.lo), f(a.hi, b.hi)];
    let lo = v.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    Interval { lo, hi }
}

/// Percent change implied by a change `p` that ended at level `l`: 100·p/(l − p).
pub fn pct_from_points_level(points: f64, level: f64) -> f64 {
    100.0 * points / (level - points)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nasdaq_triple_is_compatible() {
        let p = Interval {
            lo: -612.475,
            hi: -612.465,
        };
        let l = Interval {
            lo: 19341.825,
            hi: 19341.835,
        };
        let r = range2(p, l, pct_from_points_level);
        assert!(
            r.overlaps(&Interval {
                lo: -3.075,
                hi: -3.065
            }),
            "{r:?}"
        );
        assert!(!r.overlaps(&Interval {
            lo: -3.705,
            hi: -3.695
        }));
    }

    #[test]
    fn an_open_bound_does_not_inflate_the_tolerance() {
        let more_than_3000_down = Interval {
            lo: f64::NEG_INFINITY,
            hi: -2999.5,
        };
        assert!(!more_than_3000_down.overlaps(&Interval {
            lo: -2997.105,
            hi: -2997.095
        }));
        assert!(more_than_3000_down.overlaps(&Interval {
            lo: -3001.0,
            hi: -3000.0
        }));
    }

    #[test]
    fn gap_is_zero_on_overlap() {
        let a = Interval { lo: 1.0, hi: 2.0 };
        assert_eq!(a.gap(&Interval { lo: 1.5, hi: 3.0 }), 0.0);
        assert!((a.gap(&Interval { lo: 2.5, hi: 3.0 }) - 0.5).abs() < 1e-12);
    }
}
