//! Drawing primitives in pixel coordinates on a plotters drawing area: text placed by its
//! baseline with measured widths, rectangles, lines, markers, ticks, and the header, legend and
//! source footer every chart shares.

use chrono::NaiveDate;
use plotters::coord::Shift;
use plotters::drawing::DrawingAreaErrorKind;
use plotters::prelude::*;

use super::font::Metrics;
use super::text::Captions;
use super::{ChartError, ColorScheme, Lang};

/// Chart size in pixels.
pub const WIDTH: u32 = 1600;
pub const HEIGHT: u32 = 900;
/// Left and right page margin.
pub const PAD_X: f64 = 56.0;
/// Top of the content below the title block.
pub const CONTENT_TOP: f64 = 140.0;
/// Rule above the source line.
pub const FOOTER_RULE: f64 = HEIGHT as f64 - 58.0;

pub const BACKGROUND: RGBColor = WHITE;
pub const INK: RGBColor = RGBColor(33, 37, 41);
pub const INK_SOFT: RGBColor = RGBColor(96, 102, 110);
pub const GRID: RGBColor = RGBColor(226, 229, 233);
pub const AXIS: RGBColor = RGBColor(70, 74, 80);
pub const PANEL: RGBColor = RGBColor(246, 247, 249);
pub const NEUTRAL: RGBColor = RGBColor(140, 144, 150);

/// Categorical palette for series: Tableau 10 without its red and green, which would read as
/// up or down, plus two darker hues.
pub const PALETTE: [RGBColor; 10] = [
    RGBColor(31, 119, 180),
    RGBColor(255, 127, 14),
    RGBColor(148, 103, 189),
    RGBColor(23, 190, 207),
    RGBColor(140, 86, 75),
    RGBColor(227, 119, 194),
    RGBColor(188, 189, 34),
    RGBColor(127, 127, 127),
    RGBColor(57, 59, 121),
    RGBColor(231, 186, 82),
];

impl ColorScheme {
    pub(crate) fn up(self) -> RGBColor {
        match self {
            ColorScheme::Kr => RGBColor(214, 40, 57),
            ColorScheme::Us => RGBColor(22, 140, 76),
        }
    }
    pub(crate) fn down(self) -> RGBColor {
        match self {
            ColorScheme::Kr => RGBColor(30, 96, 196),
            ColorScheme::Us => RGBColor(214, 40, 57),
        }
    }
    /// Colour of a move: up, down, or neutral for zero.
    pub(crate) fn of(self, v: f64) -> RGBColor {
        if v > 0.0 {
            self.up()
        } else if v < 0.0 {
            self.down()
        } else {
            NEUTRAL
        }
    }
}

/// A darker shade of `c` for text on white.
pub fn darker(c: RGBColor, k: f64) -> RGBColor {
    let f = |x: u8| (f64::from(x) * (1.0 - k)).round() as u8;
    RGBColor(f(c.0), f(c.1), f(c.2))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// A pixel rectangle `[x0, x1) × [y0, y1)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Self {
        Self { x0, y0, x1, y1 }
    }
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }
    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }
}

/// Where a renderer put its plot and its labels (for tests and for callers that compose).
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub plot: Rect,
    pub labels: Rect,
}

pub(crate) fn draw_err<E: std::error::Error + Send + Sync>(
    e: DrawingAreaErrorKind<E>,
) -> ChartError {
    ChartError::Draw(e.to_string())
}

/// Everything a renderer needs besides its data.
pub struct Ctx {
    pub lang: Lang,
    pub colors: ColorScheme,
    pub caps: Captions,
    pub m: Metrics,
}

impl Ctx {
    pub fn new(lang: Lang, colors: ColorScheme) -> Result<Self, ChartError> {
        super::font::ensure_registered()?;
        Ok(Self {
            lang,
            colors,
            caps: Captions::new(lang),
            m: Metrics::get()?,
        })
    }
}

/// A drawing area plus the font metrics.
///
/// Text is rasterised here with ab_glyph rather than through plotters' text elements:
/// plotters 0.3.7's ab_glyph backend drops each glyph's left side bearing (so `^DJI` prints as
/// `^D JI`) and puts the baseline half a font size below the anchor.
pub struct Canvas<'a, DB: DrawingBackend> {
    pub area: &'a DrawingArea<DB, Shift>,
    pub m: Metrics,
    pub w: f64,
    pub h: f64,
}

/// Baseline offset that centres mixed Hangul/Latin/digit text on a line: the visual middle of
/// digits and Hangul sits about 0.37 em above the baseline.
pub const MID_TO_BASELINE: f64 = 0.37;

impl<'a, DB: DrawingBackend> Canvas<'a, DB> {
    pub fn new(area: &'a DrawingArea<DB, Shift>, m: Metrics) -> Result<Self, ChartError> {
        area.fill(&BACKGROUND).map_err(draw_err)?;
        let (w, h) = area.dim_in_pixel();
        Ok(Self {
            area,
            m,
            w: f64::from(w),
            h: f64::from(h),
        })
    }

    pub fn width(&self, text: &str, em: f64) -> f64 {
        self.m.width(text, em)
    }

    /// Draws `text` with its baseline at `baseline`, anchored at `x` by `align`.
    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &self,
        text: &str,
        x: f64,
        baseline: f64,
        em: f64,
        color: RGBColor,
        align: Align,
        bold: bool,
    ) -> Result<(), ChartError> {
        if text.is_empty() {
            return Ok(());
        }
        let w = self.m.width(text, em);
        let x0 = match align {
            Align::Left => x,
            Align::Center => x - w / 2.0,
            Align::Right => x - w,
        };
        let embolden = if bold {
            (em * 0.045).clamp(0.6, 1.6)
        } else {
            0.0
        };
        for (px, py, cov) in self.m.rasterize(text, x0, baseline, em, embolden) {
            self.area
                .draw_pixel((px, py), &color.mix(f64::from(cov)))
                .map_err(draw_err)?;
        }
        Ok(())
    }

    /// Draws `text` vertically centred on `mid`.
    #[allow(clippy::too_many_arguments)]
    pub fn text_mid(
        &self,
        text: &str,
        x: f64,
        mid: f64,
        em: f64,
        color: RGBColor,
        align: Align,
        bold: bool,
    ) -> Result<(), ChartError> {
        self.text(text, x, mid + MID_TO_BASELINE * em, em, color, align, bold)
    }

    pub fn fill(&self, r: Rect, color: RGBColor) -> Result<(), ChartError> {
        let (x0, x1) = (r.x0.min(r.x1).round() as i32, r.x0.max(r.x1).round() as i32);
        let (y0, y1) = (r.y0.min(r.y1).round() as i32, r.y0.max(r.y1).round() as i32);
        if x1 <= x0 || y1 <= y0 {
            return Ok(());
        }
        // The bitmap backend fills [x0, x1) × [y0, y1).
        self.area
            .draw(&Rectangle::new([(x0, y0), (x1, y1)], color.filled()))
            .map_err(draw_err)
    }

    pub fn hline(
        &self,
        x0: f64,
        x1: f64,
        y: f64,
        color: RGBColor,
        width: u32,
    ) -> Result<(), ChartError> {
        let w = f64::from(width.max(1));
        self.fill(Rect::new(x0, y - w / 2.0, x1, y + w / 2.0), color)
    }

    pub fn vline(
        &self,
        x: f64,
        y0: f64,
        y1: f64,
        color: RGBColor,
        width: u32,
    ) -> Result<(), ChartError> {
        let w = f64::from(width.max(1));
        self.fill(Rect::new(x - w / 2.0, y0, x + w / 2.0, y1), color)
    }

    pub fn polyline(
        &self,
        pts: &[(f64, f64)],
        color: RGBColor,
        width: u32,
    ) -> Result<(), ChartError> {
        if pts.len() < 2 {
            return Ok(());
        }
        let pts: Vec<(i32, i32)> = pts
            .iter()
            .map(|&(x, y)| (x.round() as i32, y.round() as i32))
            .collect();
        self.area
            .draw(&PathElement::new(pts, color.stroke_width(width)))
            .map_err(draw_err)
    }

    pub fn circle(&self, x: f64, y: f64, r: f64, color: RGBColor) -> Result<(), ChartError> {
        let c = (x.round() as i32, y.round() as i32);
        let r = r.round().max(1.0) as i32;
        self.area
            .draw(&Circle::new(c, r + 2, BACKGROUND.filled()))
            .map_err(draw_err)?;
        self.area
            .draw(&Circle::new(c, r, color.filled()))
            .map_err(draw_err)
    }

    pub fn square(&self, x: f64, y: f64, r: f64, color: RGBColor) -> Result<(), ChartError> {
        self.fill(
            Rect::new(x - r - 2.0, y - r - 2.0, x + r + 2.0, y + r + 2.0),
            BACKGROUND,
        )?;
        self.fill(Rect::new(x - r, y - r, x + r, y + r), color)
    }

    /// Title (bold) and subtitle at the top left; `legend` items right-aligned on the title
    /// line when they fit there, else on their own line. Returns the top of the content area.
    pub fn header(
        &self,
        title: &str,
        subtitle: &str,
        legend: &[(String, RGBColor)],
    ) -> Result<f64, ChartError> {
        let avail = self.w - 2.0 * PAD_X;
        let legend_em = 18.0;
        let legend_w = legend_width(&self.m, legend, legend_em);
        let title_w = self.width(title, 34.0);
        let legend_on_title = legend.is_empty() || title_w + 48.0 + legend_w <= avail;
        let title_room = if legend_on_title && !legend.is_empty() {
            avail - legend_w - 48.0
        } else {
            avail
        };
        let title_em = self.m.fit_em(title, title_room, 34.0, 20.0);
        let title = self.m.truncate(title, title_room, title_em);
        self.text(&title, PAD_X, 66.0, title_em, INK, Align::Left, true)?;
        let sub_em = self.m.fit_em(subtitle, avail, 19.0, 13.0);
        let subtitle = self.m.truncate(subtitle, avail, sub_em);
        self.text(
            &subtitle,
            PAD_X,
            102.0,
            sub_em,
            INK_SOFT,
            Align::Left,
            false,
        )?;
        if legend.is_empty() {
            return Ok(CONTENT_TOP);
        }
        if legend_on_title {
            self.legend(legend, self.w - PAD_X - legend_w, 54.0, legend_em)?;
            Ok(CONTENT_TOP)
        } else {
            self.legend(legend, PAD_X, 134.0, legend_em)?;
            Ok(CONTENT_TOP + 34.0)
        }
    }

    /// Colour swatches with labels in one row starting at `x`, centred on `mid`.
    pub fn legend(
        &self,
        items: &[(String, RGBColor)],
        x: f64,
        mid: f64,
        em: f64,
    ) -> Result<(), ChartError> {
        let mut x = x;
        for (label, color) in items {
            let s = em * 0.8;
            self.fill(Rect::new(x, mid - s / 2.0, x + s, mid + s / 2.0), *color)?;
            x += s + em * 0.4;
            self.text_mid(label, x, mid, em, INK, Align::Left, false)?;
            x += self.width(label, em) + em * 1.2;
        }
        Ok(())
    }

    /// The source line at the bottom, listing as many article names as fit.
    pub fn footer(
        &self,
        caps: &Captions,
        names: &[String],
        dates: &[NaiveDate],
    ) -> Result<(), ChartError> {
        let em = 16.0;
        let avail = self.w - 2.0 * PAD_X;
        self.hline(PAD_X, self.w - PAD_X, FOOTER_RULE, GRID, 1)?;
        let mut line = caps.source(names, 0, dates);
        // a 1,600-pixel line never holds more than a dozen file names: try those counts only
        // (a corpus of 20,000 articles must not build 20,000 candidate lines)
        for shown in (0..=names.len().min(16)).rev() {
            let candidate = caps.source(names, shown, dates);
            if self.width(&candidate, em) <= avail {
                line = candidate;
                break;
            }
        }
        let line = self.m.truncate(&line, avail, em);
        self.text(
            &line,
            PAD_X,
            self.h - 24.0,
            em,
            INK_SOFT,
            Align::Left,
            false,
        )
    }
}

pub fn legend_width(m: &Metrics, items: &[(String, RGBColor)], em: f64) -> f64 {
    let mut w = 0.0;
    for (i, (label, _)) in items.iter().enumerate() {
        w += em * 0.8 + em * 0.4 + m.width(label, em);
        if i + 1 < items.len() {
            w += em * 1.2;
        }
    }
    w
}

/// Evenly spaced "nice" tick values (1, 2, 5 × 10^k) covering `[lo, hi]` with at most
/// about `max_ticks` ticks, and the decimals their labels need.
pub fn nice_ticks(lo: f64, hi: f64, max_ticks: usize, min_step: f64) -> (Vec<f64>, u8) {
    let (lo, hi) = if lo.is_finite() && hi.is_finite() && hi > lo {
        (lo, hi)
    } else {
        (0.0, 1.0)
    };
    let raw = ((hi - lo) / max_ticks.max(1) as f64)
        .max(min_step)
        .max(1e-9);
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|k| k * mag)
        .find(|s| *s >= raw * 0.999)
        .unwrap_or(10.0 * mag);
    let decimals = (0..=4u8)
        .find(|&d| {
            let x = step * 10f64.powi(i32::from(d));
            (x - x.round()).abs() < 1e-6 * x.max(1.0)
        })
        .unwrap_or(4);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    let ticks = (first..=last)
        .take(1000)
        .map(|i| {
            let v = i as f64 * step;
            if v == 0.0 {
                0.0
            } else {
                v
            }
        })
        .collect();
    (ticks, decimals)
}

/// The smallest 1, 2 or 5 × 10^k at or above `v` (for `v` > 0), and the decimals it needs.
pub fn nice_ceil(v: f64) -> (f64, u8) {
    let v = if v.is_finite() && v > 0.0 { v } else { 1.0 };
    let mag = 10f64.powf(v.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|k| k * mag)
        .find(|s| *s >= v * 0.999_999)
        .unwrap_or(10.0 * mag);
    let decimals = (0..=4u8)
        .find(|&d| {
            let x = step * 10f64.powi(i32::from(d));
            (x - x.round()).abs() < 1e-6 * x.max(1.0)
        })
        .unwrap_or(4);
    (step, decimals)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_nice() {
        let (t, d) = nice_ticks(-18.0, 1.0, 8, 0.0);
        assert_eq!(t, vec![-15.0, -10.0, -5.0, 0.0]);
        let (t, _) = nice_ticks(-18.0, 1.0, 10, 0.0);
        assert_eq!(t.len(), 10);
        assert_eq!(d, 0);
        let (t, d) = nice_ticks(-3.2, 0.8, 8, 0.0);
        assert_eq!(t, vec![-3.0, -2.5, -2.0, -1.5, -1.0, -0.5, 0.0, 0.5]);
        assert_eq!(d, 1);
        let (t, d) = nice_ticks(-3.2, 0.8, 4, 0.0);
        assert_eq!(t, vec![-3.0, -2.0, -1.0, 0.0]);
        assert_eq!(d, 0);
        let (t, d) = nice_ticks(0.0, 3.0, 8, 1.0);
        assert_eq!(t, vec![0.0, 1.0, 2.0, 3.0]);
        assert_eq!(d, 0);
        let (t, d) = nice_ticks(0.0, 1.0, 4, 0.0);
        assert_eq!(t, vec![0.0, 0.5, 1.0]);
        assert_eq!(d, 1);
        let (t, _) = nice_ticks(f64::NAN, 1.0, 4, 0.0);
        assert!(!t.is_empty());
    }

    #[test]
    fn nice_ceilings() {
        assert_eq!(nice_ceil(3.07), (5.0, 0));
        assert_eq!(nice_ceil(16.97), (20.0, 0));
        assert_eq!(nice_ceil(0.31), (0.5, 1));
        assert_eq!(nice_ceil(2.0), (2.0, 0));
        assert_eq!(nice_ceil(0.0), (1.0, 0));
    }

    #[test]
    fn colours() {
        assert_eq!(ColorScheme::Kr.of(1.0), ColorScheme::Kr.up());
        assert_eq!(ColorScheme::Us.of(-1.0), ColorScheme::Us.down());
        assert_eq!(ColorScheme::Us.of(0.0), NEUTRAL);
        assert_eq!(darker(RGBColor(200, 100, 0), 0.5), RGBColor(100, 50, 0));
    }
}
