//! The four charts, drawn on any plotters backend (a PNG file, or an RGB buffer in tests).
//!
//! Every position is computed in pixels from measured text widths, so labels never overlap
//! and never run off the canvas: label columns are as wide as their longest label (truncated
//! with an ellipsis past a third of the width), value labels get room reserved beyond the bar
//! ends, and tick labels are thinned until they fit between their neighbours.

use chrono::{Datelike, NaiveDate};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend, RGBColor, WHITE};

use super::canvas::*;
use super::data::*;
use super::text::*;
use super::ChartError;

/// Most bars in a moves chart (the largest moves are kept).
pub const MAX_BARS: usize = 24;
/// Most panels in an index card.
pub const MAX_CARDS: usize = 12;
/// Most article rows in the consistency chart (the rest are summed in one row).
pub const MAX_ROWS: usize = 18;
/// Most entities in the timeline.
pub const MAX_SERIES: usize = 10;

/// Bottom of the plot area of the charts with an x axis (tick labels and the axis caption go
/// below it, then the source line).
const PLOT_BOTTOM: f64 = HEIGHT as f64 - 150.0;

/// Sorted, shortened article names for the source line.
fn source_names<'a>(paths: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut v = articles_of(paths);
    v.sort();
    short_names(&v)
}

/// Legend for the direction colours that occur among `values`.
fn up_down_legend(ctx: &Ctx, values: impl Iterator<Item = f64> + Clone) -> Vec<(String, RGBColor)> {
    let mut items = Vec::new();
    if values.clone().any(|v| v > 0.0) {
        items.push((ctx.caps.up().to_string(), ctx.colors.up()));
    }
    if values.clone().any(|v| v < 0.0) {
        items.push((ctx.caps.down().to_string(), ctx.colors.down()));
    }
    items
}

/// Ticks over `[lo, hi]` whose labels (`unit` appended) fit side by side in `px` pixels.
fn fitting_ticks(
    c_m: &super::font::Metrics,
    lo: f64,
    hi: f64,
    px: f64,
    em: f64,
    unit: &str,
    min_step: f64,
) -> (Vec<f64>, u8) {
    let mut max_ticks = 10;
    loop {
        let (ticks, d) = nice_ticks(lo, hi, max_ticks, min_step);
        if ticks.len() < 2 || max_ticks <= 2 {
            return (ticks, d);
        }
        let step_px = (ticks[1] - ticks[0]) / (hi - lo) * px;
        let widest = ticks
            .iter()
            .map(|&t| c_m.width(&fmt_tick(t, d, unit), em))
            .fold(0.0, f64::max);
        if step_px >= widest + 18.0 {
            return (ticks, d);
        }
        max_ticks -= 1;
    }
}

/// Draws x-axis tick labels centred under their ticks, skipping any that would leave
/// `[min_x, max_x]`.
#[allow(clippy::too_many_arguments)]
fn x_tick_labels<DB: DrawingBackend>(
    c: &Canvas<DB>,
    ticks: &[f64],
    decimals: u8,
    unit: &str,
    x: impl Fn(f64) -> f64,
    baseline: f64,
    em: f64,
    (min_x, max_x): (f64, f64),
) -> Result<(), ChartError> {
    for &t in ticks {
        let label = fmt_tick(t, decimals, unit);
        let w = c.width(&label, em);
        let cx = x(t);
        if cx - w / 2.0 < min_x || cx + w / 2.0 > max_x {
            continue;
        }
        c.text(&label, cx, baseline, em, INK_SOFT, Align::Center, false)?;
    }
    Ok(())
}

/// Moves chart: one horizontal bar per entity, grouped (indexes, stocks, other), sorted by
/// value, coloured by direction, the value printed at the bar end.
pub fn moves<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    ctx: &Ctx,
    date: NaiveDate,
    bars: &[Bar],
    total: usize,
) -> Result<Layout, ChartError> {
    let c = Canvas::new(area, ctx.m)?;
    let caps = &ctx.caps;
    let mut subtitle = caps.moves_subtitle().to_string();
    if total > bars.len() {
        subtitle.push_str(&caps.moves_capped(bars.len(), total));
    }
    let top = c.header(
        &caps.moves_title(date),
        &subtitle,
        &up_down_legend(ctx, bars.iter().map(|b| b.value)),
    )?;

    let mut groups: Vec<Group> = bars.iter().map(|b| b.group).collect();
    groups.dedup();
    let n_groups = groups.len() as f64;
    let units = bars.len() as f64 + n_groups + (n_groups - 1.0).max(0.0) * 0.4;
    let row_h = ((PLOT_BOTTOM - top - 8.0) / units.max(1.0)).min(84.0);
    let bottom = top + units * row_h + 8.0;
    let em = (row_h * 0.42).clamp(13.0, 21.0);
    let bar_h = (row_h * 0.64).min(40.0);

    // Label column: as wide as the widest label or group header, at most 30 % of the width.
    let max_label_w = c.w * 0.30;
    let labels: Vec<String> = bars
        .iter()
        .map(|b| ctx.m.truncate(b.label(ctx.lang), max_label_w, em))
        .collect();
    let label_w = labels
        .iter()
        .map(|l| c.width(l, em))
        .chain(groups.iter().map(|g| c.width(caps.group(*g), em) + 2.0))
        .fold(0.0, f64::max)
        .min(max_label_w);
    let plot_left = PAD_X + label_w + 18.0;
    let plot_right = c.w - PAD_X;

    // Room beyond the bar ends for the value labels.
    let values: Vec<String> = bars.iter().map(|b| fmt_pct(b.value, b.decimals)).collect();
    let gap = 8.0;
    let need = |neg: bool| {
        bars.iter()
            .zip(&values)
            .filter(|(b, _)| (b.value < 0.0) == neg)
            .map(|(_, v)| c.width(v, em) + gap + 6.0)
            .fold(0.0, f64::max)
    };
    let (left_need, right_need) = (need(true), need(false));
    let lo = bars.iter().map(|b| b.value).fold(0.0, f64::min);
    let mut hi = bars.iter().map(|b| b.value).fold(0.0, f64::max);
    if hi - lo < 1e-9 {
        hi = lo + 1.0;
    }
    let data_px = (plot_right - plot_left - left_need - right_need).max(40.0);
    let s = data_px / (hi - lo);
    let x = |v: f64| plot_left + left_need + (v - lo) * s;
    let (vis_lo, vis_hi) = (lo - left_need / s, hi + right_need / s);

    let tick_em = 16.0;
    let (ticks, td) = fitting_ticks(
        &ctx.m,
        vis_lo,
        vis_hi,
        plot_right - plot_left,
        tick_em,
        "%",
        0.0,
    );
    for &t in &ticks {
        c.vline(x(t), top, bottom, GRID, 1)?;
    }
    c.hline(plot_left, plot_right, bottom, AXIS, 1)?;
    x_tick_labels(
        &c,
        &ticks,
        td,
        "%",
        x,
        bottom + 28.0,
        tick_em,
        (PAD_X, c.w - PAD_X),
    )?;
    c.text(
        caps.pct_axis(),
        (plot_left + plot_right) / 2.0,
        bottom + 64.0,
        17.0,
        INK_SOFT,
        Align::Center,
        false,
    )?;

    let mut y = top;
    let mut i = 0;
    for (gi, g) in groups.iter().enumerate() {
        if gi > 0 {
            y += row_h * 0.4;
            c.hline(PAD_X, plot_right, y - row_h * 0.2, GRID, 1)?;
        }
        c.text_mid(
            caps.group(*g),
            PAD_X,
            y + row_h / 2.0,
            em,
            INK_SOFT,
            Align::Left,
            true,
        )?;
        y += row_h;
        while i < bars.len() && bars[i].group == *g {
            let b = &bars[i];
            let mid = y + row_h / 2.0;
            let color = ctx.colors.of(b.value);
            if b.value == 0.0 {
                c.vline(x(0.0), mid - bar_h / 2.0, mid + bar_h / 2.0, NEUTRAL, 3)?;
            } else {
                c.fill(
                    Rect::new(x(0.0), mid - bar_h / 2.0, x(b.value), mid + bar_h / 2.0),
                    color,
                )?;
            }
            c.text_mid(
                &labels[i],
                plot_left - 16.0,
                mid,
                em,
                INK,
                Align::Right,
                false,
            )?;
            let ink = darker(color, 0.12);
            if b.value < 0.0 {
                c.text_mid(
                    &values[i],
                    x(b.value) - gap,
                    mid,
                    em,
                    ink,
                    Align::Right,
                    true,
                )?;
            } else {
                c.text_mid(
                    &values[i],
                    x(b.value) + gap,
                    mid,
                    em,
                    ink,
                    Align::Left,
                    true,
                )?;
            }
            y += row_h;
            i += 1;
        }
    }
    c.vline(x(0.0), top, bottom, AXIS, 2)?;
    c.footer(
        caps,
        &source_names(bars.iter().map(|b| b.article.as_str())),
        &[date],
    )?;
    Ok(Layout {
        plot: Rect::new(plot_left, top, plot_right, bottom),
        labels: Rect::new(PAD_X, top, plot_left - 10.0, bottom),
    })
}

/// Index card: one panel per index with the level in large type, the point and percent
/// change with an arrow in the direction colour, and a gauge of the percent change on a
/// scale shared by all panels.
pub fn index_cards<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    ctx: &Ctx,
    date: NaiveDate,
    cards: &[IndexCard],
) -> Result<Layout, ChartError> {
    let c = Canvas::new(area, ctx.m)?;
    let caps = &ctx.caps;
    let top = c.header(
        &caps.card_title(date),
        caps.card_subtitle(),
        &up_down_legend(ctx, cards.iter().map(IndexCard::direction)),
    )?;
    let bottom = FOOTER_RULE - 24.0;
    let cards = &cards[..cards.len().min(MAX_CARDS)];
    let n = cards.len().max(1);
    let cols = match n {
        1..=3 => n,
        4 => 2,
        5 | 6 => 3,
        _ => 4,
    };
    let rows = n.div_ceil(cols);
    let gap = 24.0;
    let panel_w = (c.w - 2.0 * PAD_X - (cols as f64 - 1.0) * gap) / cols as f64;
    let panel_h = (((bottom - top) - (rows as f64 - 1.0) * gap) / rows as f64).min(panel_w * 0.9);
    let grid_h = panel_h * rows as f64 + gap * (rows as f64 - 1.0);
    let grid_top = top + ((bottom - top - grid_h) / 2.0).max(0.0);

    let max_abs = cards
        .iter()
        .filter_map(|k| k.pct)
        .map(f64::abs)
        .fold(0.0, f64::max);
    let (scale, scale_d) = nice_ceil(max_abs.max(0.01));

    let mut first_name = Rect::new(0.0, 0.0, 0.0, 0.0);
    for (i, card) in cards.iter().enumerate() {
        let (col, row) = ((i % cols) as f64, (i / cols) as f64);
        let x0 = PAD_X + col * (panel_w + gap);
        let y0 = grid_top + row * (panel_h + gap);
        let r = Rect::new(x0, y0, x0 + panel_w, y0 + panel_h);
        let name_box = card_panel(&c, ctx, r, card, scale, scale_d)?;
        if i == 0 {
            first_name = name_box;
        }
    }
    c.footer(
        caps,
        &source_names(cards.iter().map(|k| k.article.as_str())),
        &[date],
    )?;
    Ok(Layout {
        plot: Rect::new(PAD_X, top, c.w - PAD_X, bottom),
        labels: first_name,
    })
}

/// One index panel; returns the box of its name label.
fn card_panel<DB: DrawingBackend>(
    c: &Canvas<DB>,
    ctx: &Ctx,
    r: Rect,
    card: &IndexCard,
    scale: f64,
    scale_d: u8,
) -> Result<Rect, ChartError> {
    let caps = &ctx.caps;
    let dir = card.direction();
    let color = ctx.colors.of(dir);
    c.fill(r, PANEL)?;
    c.fill(Rect::new(r.x0, r.y0, r.x1, r.y0 + 6.0), color)?;
    let pad = (r.width() * 0.06).clamp(18.0, 32.0);
    let (ix0, ix1) = (r.x0 + pad, r.x1 - pad);
    let inner_w = ix1 - ix0;

    // Name and the symbol/session line.
    let name_em = (r.height() * 0.075).clamp(17.0, 30.0);
    let name = ctx.m.truncate(card.label(ctx.lang), inner_w, name_em);
    let name_base = r.y0 + 6.0 + pad * 0.8 + name_em * 0.88;
    c.text(&name, ix0, name_base, name_em, INK, Align::Left, true)?;
    let name_box = Rect::new(
        ix0,
        name_base - name_em,
        ix0 + c.width(&name, name_em),
        name_base,
    );
    let meta_em = (name_em * 0.62).max(13.0);
    let meta: Vec<&str> = card
        .symbol
        .as_deref()
        .into_iter()
        .chain(std::iter::once(caps.session(card.session)))
        .collect();
    let meta = ctx.m.truncate(&meta.join(" · "), inner_w, meta_em);
    let meta_base = name_base + meta_em * 1.7;
    c.text(&meta, ix0, meta_base, meta_em, INK_SOFT, Align::Left, false)?;

    // Gauge at the bottom: caption, track with the bar, tick labels.
    let tick_em = (r.height() * 0.045).clamp(12.0, 16.0);
    let bar_h = (r.height() * 0.04).clamp(8.0, 16.0);
    let tick_base = r.y1 - pad * 0.8;
    let bar_mid = tick_base - tick_em * 1.25 - bar_h / 2.0 - 4.0;
    let cap_base = bar_mid - bar_h / 2.0 - tick_em * 0.6;
    let gauge_top = cap_base - tick_em;
    if let Some(p) = card.pct {
        let cx = (ix0 + ix1) / 2.0;
        let k = (inner_w / 2.0) / scale;
        c.text(
            caps.pct_axis(),
            ix0,
            cap_base,
            tick_em,
            INK_SOFT,
            Align::Left,
            false,
        )?;
        c.fill(
            Rect::new(ix0, bar_mid - bar_h / 2.0, ix1, bar_mid + bar_h / 2.0),
            GRID,
        )?;
        c.fill(
            Rect::new(
                cx,
                bar_mid - bar_h / 2.0,
                cx + p.clamp(-scale, scale) * k,
                bar_mid + bar_h / 2.0,
            ),
            color,
        )?;
        c.vline(cx, bar_mid - bar_h, bar_mid + bar_h, AXIS, 2)?;
        c.text(
            &fmt_tick(-scale, scale_d, "%"),
            ix0,
            tick_base,
            tick_em,
            INK_SOFT,
            Align::Left,
            false,
        )?;
        c.text(
            &fmt_tick(0.0, scale_d, "%"),
            cx,
            tick_base,
            tick_em,
            INK_SOFT,
            Align::Center,
            false,
        )?;
        c.text(
            &fmt_tick(scale, scale_d, "%"),
            ix1,
            tick_base,
            tick_em,
            INK_SOFT,
            Align::Right,
            false,
        )?;
    }

    // Level and change in the space between.
    let region_top = meta_base + meta_em * 0.6;
    let region_bottom = if card.pct.is_some() {
        gauge_top - 8.0
    } else {
        r.y1 - pad
    };
    let region_h = (region_bottom - region_top).max(20.0);
    let level = fmt_abs(card.level, card.level_decimals);
    let level_em = ctx
        .m
        .fit_em(&level, inner_w, (region_h * 0.52).clamp(20.0, 88.0), 14.0);
    let mut change = String::new();
    let arrow = match (card.points, card.pct) {
        (Some(p), _) => arrow(p, card.points_decimals),
        (None, Some(p)) => arrow(p, card.pct_decimals),
        _ => "",
    };
    if !arrow.is_empty() {
        change.push_str(arrow);
        change.push(' ');
    }
    match (card.points, card.pct) {
        (Some(pts), Some(p)) => {
            change.push_str(&fmt_abs(pts, card.points_decimals));
            change.push_str(&format!("  ({})", fmt_pct(p, card.pct_decimals)));
        }
        (Some(pts), None) => change.push_str(&fmt_abs(pts, card.points_decimals)),
        (None, Some(p)) => change.push_str(&fmt_pct(p, card.pct_decimals)),
        (None, None) => change.push('–'),
    }
    let change_em = ctx
        .m
        .fit_em(&change, inner_w, (level_em * 0.42).clamp(14.0, 30.0), 11.0);
    let block = level_em * 0.75 + level_em * 0.32 + change_em * 0.8;
    let start = region_top + ((region_h - block) / 2.0).max(0.0);
    let level_base = start + level_em * 0.75;
    c.text(&level, ix0, level_base, level_em, INK, Align::Left, true)?;
    let change_base = level_base + level_em * 0.32 + change_em * 0.8;
    c.text(
        &change,
        ix0,
        change_base,
        change_em,
        darker(color, 0.1),
        Align::Left,
        true,
    )?;
    Ok(name_box)
}

const PASSED: RGBColor = RGBColor(35, 132, 92);
const ROUNDING: RGBColor = RGBColor(140, 200, 165);
const FAILED: RGBColor = RGBColor(226, 92, 38);
const UNCHECKED: RGBColor = RGBColor(212, 216, 222);

/// "MF101 ×2 · MF205", shortened to fit `width` with a "+N" for the codes left out.
fn codes_text(m: &super::font::Metrics, codes: &[CodeCount], width: f64, em: f64) -> String {
    let part = |c: &CodeCount| {
        if c.count > 1 {
            format!("{} ×{}", c.code, c.count)
        } else {
            c.code.clone()
        }
    };
    let all: Vec<String> = codes.iter().map(part).collect();
    for k in (0..=all.len()).rev() {
        let mut s = all[..k].join(" · ");
        if k < all.len() {
            if k > 0 {
                s.push_str(" · ");
            }
            s.push_str(&format!("+{}", all.len() - k));
        }
        if m.width(&s, em) <= width {
            return s;
        }
    }
    String::new()
}

/// Consistency overview: per article, a 100 %-stacked bar of passed / passed by rounding /
/// failed / not checked (counts printed in the segments that have room), then the number of
/// figures and the rule codes of its findings beside the bar.
pub fn consistency<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    ctx: &Ctx,
    rows: &[ConsistencyRow],
    dates: &[NaiveDate],
) -> Result<Layout, ChartError> {
    let c = Canvas::new(area, ctx.m)?;
    let caps = &ctx.caps;
    let figures: usize = rows.iter().map(ConsistencyRow::total).sum();
    let checked: usize = rows
        .iter()
        .map(|r| r.passed + r.passed_by_rounding + r.failed)
        .sum();
    let failed: usize = rows.iter().map(|r| r.failed).sum();
    let segs: [(&str, RGBColor, RGBColor); 4] = [
        (caps.passed(), PASSED, WHITE),
        (caps.passed_by_rounding(), ROUNDING, INK),
        (caps.failed(), FAILED, WHITE),
        (caps.not_checked(), UNCHECKED, INK),
    ];
    let legend: Vec<(String, RGBColor)> =
        segs.iter().map(|(l, c, _)| (l.to_string(), *c)).collect();
    let top = c.header(
        caps.consistency_title(),
        &caps.consistency_subtitle(figures, checked, failed),
        &legend,
    )?;
    let n = rows.len().max(1) as f64;
    let row_h = ((PLOT_BOTTOM - top - 8.0) / n).min(96.0);
    let bottom = top + n * row_h + 8.0;
    let em = (row_h * 0.4).clamp(13.0, 20.0);
    let bar_h = (row_h * 0.62).min(42.0);

    // Columns: labels | bars (0–100 %) | figure count | codes.
    let max_label_w = c.w * 0.26;
    let labels: Vec<String> = rows
        .iter()
        .map(|r| {
            let l = match r.others {
                Some(k) => caps.others_row(k),
                None => r.label.clone(),
            };
            ctx.m.truncate_middle(&l, max_label_w, em)
        })
        .collect();
    let label_w = labels
        .iter()
        .map(|l| c.width(l, em))
        .fold(0.0, f64::max)
        .min(max_label_w);
    let counts: Vec<String> = rows.iter().map(|r| caps.figure_count(r.total())).collect();
    let count_w = counts.iter().map(|s| c.width(s, em)).fold(0.0, f64::max);
    let codes: Vec<String> = rows
        .iter()
        .map(|r| codes_text(&ctx.m, &r.codes, c.w * 0.24, em))
        .collect();
    let codes_w = codes.iter().map(|s| c.width(s, em)).fold(0.0, f64::max);
    let gap = 14.0;
    let plot_left = PAD_X + label_w + 18.0;
    let count_right = c.w
        - PAD_X
        - if codes_w > 0.0 {
            codes_w + gap * 1.5
        } else {
            0.0
        };
    let plot_right = count_right - count_w - gap;
    let plot_w = plot_right - plot_left;
    let x = |share: f64| plot_left + share / 100.0 * plot_w;

    let tick_em = 16.0;
    let (ticks, td) = fitting_ticks(&ctx.m, 0.0, 100.0, plot_w, tick_em, "%", 0.0);
    for &t in &ticks {
        c.vline(x(t), top, bottom, GRID, 1)?;
    }
    c.hline(plot_left, plot_right, bottom, AXIS, 1)?;
    for &t in &ticks {
        let label = format!("{}%", fmt_abs(t, td));
        c.text(
            &label,
            x(t),
            bottom + 28.0,
            tick_em,
            INK_SOFT,
            Align::Center,
            false,
        )?;
    }
    c.text(
        caps.share_axis(),
        (plot_left + plot_right) / 2.0,
        bottom + 64.0,
        17.0,
        INK_SOFT,
        Align::Center,
        false,
    )?;

    for (i, row) in rows.iter().enumerate() {
        let mid = top + (i as f64 + 0.5) * row_h;
        let ink = if row.others.is_some() { INK_SOFT } else { INK };
        c.text_mid(
            &labels[i],
            plot_left - 16.0,
            mid,
            em,
            ink,
            Align::Right,
            false,
        )?;
        c.text_mid(&counts[i], count_right, mid, em, INK, Align::Right, false)?;
        if !codes[i].is_empty() {
            c.text_mid(
                &codes[i],
                count_right + gap * 1.5,
                mid,
                em,
                INK_SOFT,
                Align::Left,
                false,
            )?;
        }
        let total = row.total();
        if total == 0 {
            c.text_mid(
                caps.no_figures(),
                plot_left + 10.0,
                mid,
                em * 0.9,
                INK_SOFT,
                Align::Left,
                false,
            )?;
            continue;
        }
        let parts = [
            row.passed,
            row.passed_by_rounding,
            row.failed,
            row.not_checked,
        ];
        let mut acc = 0usize;
        for (count, (_, fill, text_ink)) in parts.iter().zip(&segs) {
            if *count == 0 {
                continue;
            }
            let share = |k: usize| k as f64 * 100.0 / total as f64;
            let (a, b) = (x(share(acc)), x(share(acc + count)));
            c.fill(Rect::new(a, mid - bar_h / 2.0, b, mid + bar_h / 2.0), *fill)?;
            if acc > 0 {
                // A thin white gap between segments.
                c.vline(a, mid - bar_h / 2.0, mid + bar_h / 2.0, WHITE, 2)?;
            }
            let label = count.to_string();
            let seg_em = em * 0.9;
            if b - a >= c.width(&label, seg_em) + 10.0 {
                c.text_mid(
                    &label,
                    (a + b) / 2.0,
                    mid,
                    seg_em,
                    *text_ink,
                    Align::Center,
                    false,
                )?;
            }
            acc += count;
        }
    }
    c.vline(plot_left, top, bottom, AXIS, 1)?;
    let paths = rows.iter().flat_map(|r| r.paths.iter().map(String::as_str));
    c.footer(caps, &source_names(paths), dates)?;
    Ok(Layout {
        plot: Rect::new(plot_left, top, plot_right, bottom),
        labels: Rect::new(PAD_X, top, plot_left - 10.0, bottom),
    })
}

/// Timeline: each entity's percent change over the event dates, lines with markers, and a
/// legend in a column on the right.
pub fn timeline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    ctx: &Ctx,
    t: &Timeline,
) -> Result<Layout, ChartError> {
    let c = Canvas::new(area, ctx.m)?;
    let caps = &ctx.caps;
    let (Some(&first), Some(&last)) = (t.dates.first(), t.dates.last()) else {
        return Err(ChartError::Draw("timeline without dates".into()));
    };
    let mut subtitle = caps.timeline_subtitle(first, last);
    if t.total_series > t.series.len() {
        subtitle.push_str(&caps.timeline_capped(t.series.len(), t.total_series));
    }
    let top = c.header(caps.timeline_title(), &subtitle, &[])?;
    let plot_top = top + 34.0;
    let bottom = PLOT_BOTTOM;

    // Legend column on the right: group headers and one entry per series.
    let mut groups: Vec<Group> = t.series.iter().map(|s| s.group).collect();
    groups.dedup();
    let entries = t.series.len() + groups.len();
    let entry_h = ((bottom - plot_top) / entries.max(1) as f64).min(34.0);
    let leg_em = (entry_h * 0.55).clamp(12.0, 18.0);
    let sample_w = 40.0;
    let max_leg_w = c.w * 0.26;
    let leg_labels: Vec<String> = t
        .series
        .iter()
        .map(|s| {
            ctx.m
                .truncate(s.label(ctx.lang), max_leg_w - sample_w - 10.0, leg_em)
        })
        .collect();
    let leg_w = leg_labels
        .iter()
        .map(|l| c.width(l, leg_em) + sample_w + 10.0)
        .chain(groups.iter().map(|g| c.width(caps.group(*g), leg_em)))
        .fold(0.0, f64::max)
        .min(max_leg_w);
    let leg_x0 = c.w - PAD_X - leg_w;

    // Y scale snapped to nice ticks.
    let vals = t
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.value));
    let (mut lo, mut hi) = vals.fold((0.0f64, 0.0f64), |(a, b), v| (a.min(v), b.max(v)));
    if hi - lo < 1e-9 {
        hi = lo + 1.0;
    }
    let (probe, _) = nice_ticks(lo, hi, 7, 0.0);
    let step = match probe.as_slice() {
        [a, b, ..] => b - a,
        _ => (hi - lo) / 4.0,
    };
    lo = (lo / step).floor() * step;
    hi = (hi / step).ceil() * step;
    let (ticks, td) = nice_ticks(
        lo - step * 1e-6,
        hi + step * 1e-6,
        ((hi - lo) / step).round() as usize,
        0.0,
    );
    let tick_em = 16.0;
    let tick_w = ticks
        .iter()
        .map(|&v| c.width(&fmt_tick(v, td, "%"), tick_em))
        .fold(0.0, f64::max);
    let plot_left = PAD_X + tick_w + 14.0;
    let plot_right = leg_x0 - 40.0;
    let y = |v: f64| bottom - (v - lo) / (hi - lo) * (bottom - plot_top);
    let n = t.dates.len() as f64;
    let slot = (plot_right - plot_left) / n;
    let x_of = |d: &NaiveDate| {
        let i = t.dates.iter().position(|x| x == d).unwrap_or(0) as f64;
        plot_left + (i + 0.5) * slot
    };

    c.text(
        caps.pct_axis(),
        PAD_X,
        plot_top - 16.0,
        17.0,
        INK_SOFT,
        Align::Left,
        false,
    )?;
    for &v in &ticks {
        let color = if v == 0.0 { AXIS } else { GRID };
        c.hline(
            plot_left,
            plot_right,
            y(v),
            color,
            if v == 0.0 { 2 } else { 1 },
        )?;
        c.text_mid(
            &fmt_tick(v, td, "%"),
            plot_left - 10.0,
            y(v),
            tick_em,
            INK_SOFT,
            Align::Right,
            false,
        )?;
    }
    c.hline(plot_left, plot_right, bottom, AXIS, 1)?;

    // Date labels, thinned so they do not touch.
    let with_year = first.year() != last.year();
    let date_labels: Vec<String> = t
        .dates
        .iter()
        .map(|d| fmt_date_short(*d, ctx.lang, with_year))
        .collect();
    let widest = date_labels
        .iter()
        .map(|l| c.width(l, tick_em))
        .fold(0.0, f64::max);
    let every = ((widest + 16.0) / slot).ceil().max(1.0) as usize;
    for (i, (d, label)) in t.dates.iter().zip(&date_labels).enumerate() {
        let xd = x_of(d);
        c.vline(xd, bottom, bottom + 6.0, AXIS, 1)?;
        if i % every == 0 {
            c.text(
                label,
                xd,
                bottom + 28.0,
                tick_em,
                INK_SOFT,
                Align::Center,
                false,
            )?;
        }
    }
    c.text(
        caps.date_axis(),
        (plot_left + plot_right) / 2.0,
        bottom + 64.0,
        17.0,
        INK_SOFT,
        Align::Center,
        false,
    )?;

    // Series: all lines first, then all markers, so no line hides a point.
    let series_pts: Vec<Vec<(f64, f64)>> = t
        .series
        .iter()
        .map(|s| {
            s.points
                .iter()
                .map(|p| (x_of(&p.date), y(p.value)))
                .collect()
        })
        .collect();
    for (k, pts) in series_pts.iter().enumerate() {
        c.polyline(pts, PALETTE[k % PALETTE.len()], 3)?;
    }
    for (k, (s, pts)) in t.series.iter().zip(&series_pts).enumerate() {
        for &(px, py) in pts {
            marker(&c, s.group, px, py, PALETTE[k % PALETTE.len()])?;
        }
    }

    // Legend.
    let mut ly = plot_top;
    let mut k = 0;
    for g in &groups {
        c.text_mid(
            caps.group(*g),
            leg_x0,
            ly + entry_h / 2.0,
            leg_em,
            INK_SOFT,
            Align::Left,
            true,
        )?;
        ly += entry_h;
        while k < t.series.len() && t.series[k].group == *g {
            let color = PALETTE[k % PALETTE.len()];
            let mid = ly + entry_h / 2.0;
            c.hline(leg_x0, leg_x0 + sample_w - 8.0, mid, color, 3)?;
            marker(&c, *g, leg_x0 + (sample_w - 8.0) / 2.0, mid, color)?;
            c.text_mid(
                &leg_labels[k],
                leg_x0 + sample_w,
                mid,
                leg_em,
                INK,
                Align::Left,
                false,
            )?;
            ly += entry_h;
            k += 1;
        }
    }

    let paths = t
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.article.as_str()));
    c.footer(caps, &source_names(paths), &t.dates)?;
    Ok(Layout {
        plot: Rect::new(plot_left, plot_top, plot_right, bottom),
        labels: Rect::new(leg_x0, plot_top, c.w - PAD_X, ly),
    })
}

fn marker<DB: DrawingBackend>(
    c: &Canvas<DB>,
    g: Group,
    x: f64,
    y: f64,
    color: RGBColor,
) -> Result<(), ChartError> {
    match g {
        Group::Index => c.circle(x, y, 6.0, color),
        _ => c.square(x, y, 5.0, color),
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use super::super::{draw_charts, ChartOptions, ColorScheme, Lang};
    use super::*;
    use plotters::prelude::{BitMapBackend, IntoDrawingArea};

    const W: usize = WIDTH as usize;
    const H: usize = HEIGHT as usize;

    /// Draws into an RGB buffer and returns it with the layout.
    fn render(
        draw: impl FnOnce(&DrawingArea<BitMapBackend<'_>, Shift>) -> Result<Layout, ChartError>,
    ) -> (Vec<u8>, Layout) {
        let mut buf = vec![0u8; W * H * 3];
        let layout = {
            let root = BitMapBackend::with_buffer(&mut buf, (WIDTH, HEIGHT)).into_drawing_area();
            let layout = draw(&root).expect("chart draws");
            root.present().expect("present");
            layout
        };
        (buf, layout)
    }

    /// Pixels in `r` that are not the white background.
    fn ink(buf: &[u8], r: &Rect) -> usize {
        let (x0, x1) = (r.x0.max(0.0) as usize, (r.x1 as usize).min(W));
        let (y0, y1) = (r.y0.max(0.0) as usize, (r.y1 as usize).min(H));
        let mut n = 0;
        for y in y0..y1 {
            for x in x0..x1 {
                let i = (y * W + x) * 3;
                if buf[i..i + 3] != [255, 255, 255] {
                    n += 1;
                }
            }
        }
        n
    }

    /// The region of the canvas with any ink in it.
    fn ink_box(buf: &[u8]) -> Rect {
        let (mut x0, mut y0, mut x1, mut y1) = (W, H, 0, 0);
        for y in 0..H {
            for x in 0..W {
                let i = (y * W + x) * 3;
                if buf[i..i + 3] != [255, 255, 255] {
                    (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
                }
            }
        }
        Rect::new(x0 as f64, y0 as f64, x1 as f64, y1 as f64)
    }

    fn check(buf: &[u8], layout: &Layout) {
        assert!(layout.plot.width() > 600.0, "{layout:?}");
        assert!(ink(buf, &layout.plot) > 2000, "empty plot area {layout:?}");
        assert!(
            ink(buf, &layout.labels) > 200,
            "empty label area {layout:?}"
        );
        // Title and source line present; nothing touches the canvas edge.
        assert!(ink(buf, &Rect::new(0.0, 30.0, W as f64, 110.0)) > 1000);
        assert!(ink(buf, &Rect::new(0.0, H as f64 - 45.0, W as f64, H as f64)) > 300);
        let b = ink_box(buf);
        assert!(b.x0 >= 40.0 && b.y0 >= 20.0, "{b:?}");
        assert!(b.x1 <= W as f64 - 40.0 && b.y1 <= H as f64 - 8.0, "{b:?}");
    }

    fn ctx(lang: Lang) -> Ctx {
        Ctx::new(lang, ColorScheme::Kr).expect("font loads")
    }

    #[test]
    fn moves_chart_draws() {
        let bars = moves_data(&jan27(), date(27));
        for lang in [Lang::Ko, Lang::En] {
            let (buf, layout) = render(|a| moves(a, &ctx(lang), date(27), &bars, bars.len()));
            check(&buf, &layout);
        }
    }

    #[test]
    fn moves_colours_follow_the_scheme() {
        let bars = moves_data(&jan27(), date(27));
        let count =
            |buf: &[u8], c: RGBColor| buf.chunks(3).filter(|p| *p == [c.0, c.1, c.2]).count();
        for scheme in [ColorScheme::Kr, ColorScheme::Us] {
            let cx = Ctx::new(Lang::Ko, scheme).expect("font");
            let (buf, _) = render(|a| moves(a, &cx, date(27), &bars, bars.len()));
            assert!(
                count(&buf, scheme.down()) > 20_000,
                "down bars in {scheme:?}"
            );
            assert!(count(&buf, scheme.up()) > 500, "up bar in {scheme:?}");
        }
    }

    #[test]
    fn moves_chart_with_many_long_names_stays_inside() {
        let figs: Vec<_> = (0..40)
            .map(|i| {
                pct(
                    "a.txt",
                    crate::extract::Kind::Stock,
                    &format!("Very Long Company Name Holdings Incorporated Number {i}"),
                    "",
                    27,
                    f64::from(i) - 20.5,
                )
            })
            .collect();
        let all = moves_data(&figs, date(27));
        let bars = cap_bars(&all, MAX_BARS);
        let (buf, layout) = render(|a| moves(a, &ctx(Lang::En), date(27), &bars, all.len()));
        check(&buf, &layout);
    }

    #[test]
    fn index_card_draws() {
        let cards = index_cards_data(&jan27(), date(27));
        assert_eq!(cards.len(), 3);
        let (buf, layout) = render(|a| index_cards(a, &ctx(Lang::Ko), date(27), &cards));
        check(&buf, &layout);
    }

    #[test]
    fn consistency_chart_draws() {
        let rows = consistency_data(&stats(), MAX_ROWS);
        let (buf, layout) = render(|a| consistency(a, &ctx(Lang::Ko), &rows, &[date(27)]));
        check(&buf, &layout);
    }

    #[test]
    fn timeline_draws() {
        let mut figs = jan27();
        figs.extend(jan28());
        let t = timeline_data(&figs, MAX_SERIES).expect("two dates");
        let (buf, layout) = render(|a| timeline(a, &ctx(Lang::En), &t));
        check(&buf, &layout);
    }

    /// Width and height from a PNG file's IHDR chunk.
    fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
        if bytes.len() < 24 || &bytes[..8] != b"\x89PNG\r\n\x1a\n" || &bytes[12..16] != b"IHDR" {
            return None;
        }
        let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
        Some((be(&bytes[16..20]), be(&bytes[20..24])))
    }

    #[test]
    fn draw_charts_writes_pngs_atomically() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("charts");
        let mut figs = jan27();
        figs.extend(jan28());
        let paths = draw_charts(&figs, &stats(), &out, &ChartOptions::default()).expect("draws");
        let names: Vec<String> = paths
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        assert_eq!(
            names,
            [
                "moves_2025-01-27.png",
                "index_card_2025-01-27.png",
                "moves_2025-01-28.png",
                "index_card_2025-01-28.png",
                "consistency.png",
                "timeline.png"
            ]
        );
        for p in &paths {
            let bytes = std::fs::read(p).expect("written");
            assert_eq!(png_size(&bytes), Some((WIDTH, HEIGHT)), "{p:?}");
        }
        let leftovers = std::fs::read_dir(&out)
            .expect("dir")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
            .count();
        assert_eq!(leftovers, 0);
    }

    #[test]
    fn single_date_has_no_timeline_and_nothing_is_fine() {
        let dir = tempfile::tempdir().expect("tempdir");
        let paths =
            draw_charts(&jan27(), &[], dir.path(), &ChartOptions::default()).expect("draws");
        assert_eq!(paths.len(), 2);
        let none = draw_charts(&[], &[], dir.path(), &ChartOptions::default()).expect("draws");
        assert!(none.is_empty());
    }

    /// Writes every chart to `target/chart-preview/` for a look by eye:
    /// `cargo test --lib chart::render::tests::preview -- --ignored`.
    #[test]
    #[ignore]
    fn preview() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/chart-preview");
        let mut figs = jan27();
        figs.extend(jan28());
        let ko = ChartOptions::default();
        draw_charts(&figs, &stats(), &root.join("ko"), &ko).expect("ko");
        let en = ChartOptions {
            colors: ColorScheme::Us,
            lang: Some(Lang::En),
        };
        draw_charts(&figs, &stats(), &root.join("en"), &en).expect("en");

        // Stress: many entities with long names, many indexes, many articles, many dates.
        use crate::extract::Kind;
        let mut many = Vec::new();
        for d in 1..=20u32 {
            for (k, name) in [
                "코스피",
                "코스닥",
                "닛케이225",
                "항셍지수",
                "상하이종합지수",
                "유로스톡스50",
                "필라델피아 반도체지수",
                "러셀2000",
            ]
            .iter()
            .enumerate()
            {
                let v = ((d * 7 + k as u32 * 13) % 17) as f64 / 3.0 - 2.5;
                let mut f = index(
                    "data/kr/market-wrap-2025-01.txt",
                    &format!("Index {k}"),
                    name,
                    d,
                    2500.0 + 1000.0 * k as f64 + v * 10.0,
                    v * 25.0,
                    v,
                );
                f.symbol = Some(format!("^IDX{k}"));
                many.push(f);
            }
            if d % 3 == 0 {
                for i in 0..30u32 {
                    let v = ((i * 31 + d) % 41) as f64 - 20.0 + 0.37;
                    many.push(pct(
                        &format!("data/kr/stocks/article-with-a-long-name-{i:02}.html"),
                        Kind::Stock,
                        &format!("Company {i}"),
                        &format!("초장문종목명주식회사홀딩스{i}"),
                        d,
                        v,
                    ));
                }
            }
        }
        let many_stats: Vec<_> = (0..30)
            .map(|i| super::super::ArticleStats {
                path: format!("data/kr/stocks/article-with-a-long-name-{i:02}.html"),
                figures: 10 + i % 9,
                checked: 8,
                passed: 5,
                passed_by_rounding: 2,
                failed: 1,
                codes: (0..(i % 6)).map(|k| format!("MF{}", 100 + k * 7)).collect(),
            })
            .collect();
        draw_charts(
            &many,
            &many_stats,
            &root.join("stress"),
            &ChartOptions::default(),
        )
        .expect("stress");
    }
}
