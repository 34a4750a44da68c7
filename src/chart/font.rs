//! The embedded chart font (a Noto Sans CJK KR subset, SIL OFL 1.1; see `assets/fonts/`):
//! registration with plotters and text measurement that matches how plotters lays text out.

use std::sync::OnceLock;

use ab_glyph::{point, Font, FontRef, PxScale, ScaleFont};
use plotters::style::{register_font, FontStyle};

use super::ChartError;

/// Noto Sans CJK KR Regular, subset to Latin, punctuation, arrows, U+2212 and all 11,172
/// Hangul syllables by `scripts/subset-font.sh`.
pub(crate) static FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJKkr-Subset.otf");

/// Family name every text style in the charts uses.
pub(crate) const FAMILY: &str = "sans-serif";

/// Registers [`FONT`] with plotters under [`FAMILY`] (Normal and Bold) exactly once.
pub(crate) fn ensure_registered() -> Result<(), ChartError> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok = *REGISTERED.get_or_init(|| {
        register_font(FAMILY, FontStyle::Normal, FONT).is_ok()
            && register_font(FAMILY, FontStyle::Bold, FONT).is_ok()
    });
    if ok {
        Ok(())
    } else {
        Err(ChartError::Font)
    }
}

/// Text measurement with the embedded font, in pixels.
///
/// Sizes are given as the em size in pixels (`em`); plotters' font size is the height from
/// descender to ascender (`PxScale`), which for this font is 1.448 em.
#[derive(Clone, Copy)]
pub struct Metrics {
    font: &'static FontRef<'static>,
    /// plotters size per em pixel: (ascent − descent) / units per em.
    size_per_em: f32,
}

impl Metrics {
    pub(crate) fn get() -> Result<Self, ChartError> {
        static FONT_REF: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
        let font = FONT_REF
            .get_or_init(|| FontRef::try_from_slice(FONT).ok())
            .as_ref()
            .ok_or(ChartError::Font)?;
        let upem = font.units_per_em().unwrap_or(1000.0);
        let height = font.height_unscaled();
        let size_per_em = if upem > 0.0 && height > 0.0 {
            height / upem
        } else {
            1.0
        };
        Ok(Self { font, size_per_em })
    }

    /// The plotters font size that gives an em of `em` pixels.
    pub(crate) fn size(&self, em: f64) -> f64 {
        em * f64::from(self.size_per_em)
    }

    /// Advance width of `text` in pixels, computed the way plotters' ab_glyph backend does.
    pub(crate) fn width(&self, text: &str, em: f64) -> f64 {
        let scaled = self.font.as_scaled(self.size(em) as f32);
        let mut width = 0f32;
        let mut prev = None;
        for c in text.chars() {
            let id = scaled.glyph_id(c);
            width += scaled.h_advance(id);
            if let Some(p) = prev {
                width += scaled.kern(p, id);
            }
            prev = Some(id);
        }
        f64::from(width)
    }

    /// Rasterises `text` with its baseline at `baseline`, starting at pen position `x`:
    /// `(x, y, coverage)` for every touched pixel, each pixel once. Glyphs are placed at their
    /// exact (fractional) pen positions with kerning and side bearings; `embolden` > 0 smears
    /// the outline that many pixels to the right (faux bold, the subset has one weight).
    pub(crate) fn rasterize(
        &self,
        text: &str,
        x: f64,
        baseline: f64,
        em: f64,
        embolden: f64,
    ) -> Vec<(i32, i32, f32)> {
        let scale = PxScale::from(self.size(em) as f32);
        let scaled = self.font.as_scaled(scale);
        let offsets: &[f32] = if embolden > 0.0 {
            &[0.0, 0.5, 1.0]
        } else {
            &[0.0]
        };
        let mut px: Vec<(i32, i32, f32)> = Vec::new();
        for &k in offsets {
            let mut pen = x as f32 + k * embolden as f32;
            let mut prev = None;
            for c in text.chars() {
                let id = scaled.glyph_id(c);
                if let Some(p) = prev {
                    pen += scaled.kern(p, id);
                }
                let glyph = id.with_scale_and_position(scale, point(pen, baseline as f32));
                if let Some(outline) = self.font.outline_glyph(glyph) {
                    let b = outline.px_bounds();
                    let (bx, by) = (b.min.x as i32, b.min.y as i32);
                    outline.draw(|gx, gy, cov| {
                        if cov > 0.004 {
                            px.push((bx + gx as i32, by + gy as i32, cov.min(1.0)));
                        }
                    });
                }
                pen += scaled.h_advance(id);
                prev = Some(id);
            }
        }
        // Overlapping glyphs (and the bold passes) combine as a union of coverage.
        px.sort_by_key(|&(x, y, _)| (y, x));
        let mut out: Vec<(i32, i32, f32)> = Vec::with_capacity(px.len());
        for (x, y, c) in px {
            match out.last_mut() {
                Some(last) if last.0 == x && last.1 == y => {
                    last.2 = 1.0 - (1.0 - last.2) * (1.0 - c)
                }
                _ => out.push((x, y, c)),
            }
        }
        out
    }

    /// `text` shortened in the middle (`hankyung-stargate-…-2025.txt`) to fit `width` at `em`,
    /// keeping the distinctive start and the end (a file name's date and extension).
    pub(crate) fn truncate_middle(&self, text: &str, width: f64, em: f64) -> String {
        if self.width(text, em) <= width {
            return text.to_string();
        }
        let chars: Vec<char> = text.chars().collect();
        let n = chars.len();
        // Drop ever more characters from the middle, keeping ~60 % of what stays at the start.
        for keep in (1..n).rev() {
            let head = (keep * 3).div_ceil(5);
            let tail = keep - head;
            let candidate: String = chars[..head]
                .iter()
                .chain(std::iter::once(&'…'))
                .chain(&chars[n - tail..])
                .collect();
            if self.width(&candidate, em) <= width {
                return candidate;
            }
        }
        "…".to_string()
    }

    /// Largest em (not above `max_em`, not below `min_em`) at which `text` fits in `width`.
    pub(crate) fn fit_em(&self, text: &str, width: f64, max_em: f64, min_em: f64) -> f64 {
        let w = self.width(text, max_em);
        if w <= width || w <= 0.0 {
            return max_em;
        }
        (max_em * width / w).max(min_em)
    }

    /// `text` shortened with a trailing ellipsis so that it fits in `width` at `em`.
    pub(crate) fn truncate(&self, text: &str, width: f64, em: f64) -> String {
        if self.width(text, em) <= width {
            return text.to_string();
        }
        let chars: Vec<char> = text.chars().collect();
        let mut n = chars.len();
        while n > 0 {
            n -= 1;
            let candidate: String = chars[..n].iter().collect::<String>() + "…";
            if self.width(&candidate, em) <= width {
                return candidate;
            }
        }
        "…".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character the charts can print, from labels, numbers and the fixed captions.
    const CHART_CHARS: &str =
        "나스닥다우존스코스피닥엔비디아브로드컴알파벳마이크로소프트삼성전자똠햏쀍\
        0123456789%−+-.,▲▼·()/:…×–— ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz&^'\"_";

    #[test]
    fn font_parses_and_registers() {
        assert!(FontRef::try_from_slice(FONT).is_ok());
        assert!(ensure_registered().is_ok());
        assert!(ensure_registered().is_ok());
    }

    #[test]
    fn every_chart_character_has_a_glyph() {
        let font = FontRef::try_from_slice(FONT).unwrap();
        let missing: Vec<char> = CHART_CHARS
            .chars()
            .filter(|&c| c != ' ' && font.glyph_id(c).0 == 0)
            .collect();
        assert!(missing.is_empty(), "no glyph for {missing:?}");
    }

    #[test]
    fn every_hangul_syllable_and_caption_has_a_glyph() {
        let font = FontRef::try_from_slice(FONT).unwrap();
        let syllables = ('\u{AC00}'..='\u{D7A3}').filter(|&c| font.glyph_id(c).0 == 0);
        assert_eq!(syllables.count(), 0);
        for text in super::super::text::all_caption_strings() {
            for c in text.chars().filter(|c| !c.is_whitespace()) {
                assert_ne!(font.glyph_id(c).0, 0, "no glyph for {c:?} in {text:?}");
            }
        }
    }

    #[test]
    fn measurement_scales_linearly() {
        let m = Metrics::get().unwrap();
        let w20 = m.width("나스닥 −3.07%", 20.0);
        let w40 = m.width("나스닥 −3.07%", 40.0);
        assert!(w20 > 50.0, "{w20}");
        assert!((w40 / w20 - 2.0).abs() < 0.02);
        // A Hangul syllable is 0.92 em wide in this font.
        assert!((m.width("가", 100.0) - 92.0).abs() < 0.5);
        // Rasterised text spans its measured width and sits on the baseline.
        let px = m.rasterize("^DJI 나스닥", 10.0, 50.0, 20.0, 0.0);
        let (min_x, max_x) = px
            .iter()
            .fold((i32::MAX, i32::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
        let (min_y, max_y) = px
            .iter()
            .fold((i32::MAX, i32::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
        let w = m.width("^DJI 나스닥", 20.0);
        assert!(
            min_x >= 10 && f64::from(max_x) <= 10.0 + w,
            "{min_x} {max_x} {w}"
        );
        assert!(min_y >= 50 - 18 && max_y <= 50 + 4, "{min_y} {max_y}");
        let t = m.truncate("Dow Jones Industrial Average", 120.0, 20.0);
        assert!(t.ends_with('…') && m.width(&t, 20.0) <= 120.0);
        let name = "hankyung-stargate-openai-softbank-oracle-investment-2025.txt";
        let t = m.truncate_middle(name, 300.0, 20.0);
        assert!(
            t.starts_with("hankyung-") && t.ends_with("2025.txt") && t.contains('…'),
            "{t}"
        );
        assert!(m.width(&t, 20.0) <= 300.0);
        assert_eq!(m.truncate_middle("a.txt", 300.0, 20.0), "a.txt");
    }
}
