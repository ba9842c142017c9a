//! The layout flags the dump and render examples share: wrapping, line height, overflow wrap,
//! fallback, max lines and truncation, and the style flags spacing and decorations.

use shrift::{
    Alignment, BoxAlign, Fallback, Hyphens, InlineBox, LayoutOptions, LineBreaking, LineHeight, OverflowWrap,
    ParagraphBuilder, TextStyle, TextWrap, Truncate, TruncateAt, Variation,
};

/// How the flags below read in a usage line.
pub const USAGE: &str = "[--align start|end|center|left|right|justify] [--wrap wrap|balance|pretty] [--breaking first-fit|optimal] [--no-wrap] [--line-height natural:F|size:F|px:N|uniform:F] \
    [--overflow-wrap anywhere|break-word|normal] [--fallback grapheme|per-char] [--max-lines N] \
    [--truncate end|start|middle] [--truncate-at grapheme|word] [--ellipsis STR] \
    [--letter-spacing PX] [--word-spacing PX] [--underline] [--strikethrough] \
    [--boxes WxH[:BASELINE][:baseline|middle|top|bottom]] [--hyphens none|manual|auto] [--language TAG] [--paint-points] \
    [--variations wght=650,wdth=90] [--italic] [--stretch PCT] [--no-synthesis] [--no-optical-sizing]";

/// The layout settings given on the command line.
pub struct LayoutFlags {
    pub align: Alignment,
    pub wrap: TextWrap,
    pub breaking: LineBreaking,
    pub no_wrap: bool,
    pub line_height: LineHeight,
    pub overflow_wrap: OverflowWrap,
    pub fallback: Fallback,
    pub max_lines: Option<usize>,
    pub truncate: Option<Truncate>,
    pub truncate_at: TruncateAt,
    pub ellipsis: String,
    pub letter_spacing: f32,
    pub word_spacing: f32,
    pub underline: bool,
    pub strikethrough: bool,
    /// An inline box on every U+FFFC of the text: its size, baseline and alignment.
    pub boxes: Option<InlineBox>,
    pub hyphens: Hyphens,
    /// A language tag for every run (the render example's; the dump reads its own first).
    pub language: Option<String>,
    /// Paint 1 on every Hebrew point and accent (U+0591..U+05C7 marks): drawn in a second colour.
    pub paint_points: bool,
    /// Axis values for the whole text (`font-variation-settings`).
    pub variations: Vec<Variation>,
    pub italic: bool,
    pub stretch: f32,
    pub synthesis: bool,
    pub optical_sizing: bool,
}

impl Default for LayoutFlags {
    fn default() -> LayoutFlags {
        LayoutFlags {
            align: Alignment::Start,
            wrap: TextWrap::Wrap,
            breaking: LineBreaking::FirstFit,
            no_wrap: false,
            line_height: LineHeight::Natural(1.0),
            overflow_wrap: OverflowWrap::Anywhere,
            fallback: Fallback::Grapheme,
            max_lines: None,
            truncate: None,
            truncate_at: TruncateAt::Grapheme,
            ellipsis: "\u{2026}".into(),
            letter_spacing: 0.0,
            word_spacing: 0.0,
            underline: false,
            strikethrough: false,
            boxes: None,
            hyphens: Hyphens::Manual,
            language: None,
            paint_points: false,
            variations: Vec::new(),
            italic: false,
            stretch: 100.0,
            synthesis: true,
            optical_sizing: true,
        }
    }
}

/// One of `modes`' names, or an error naming the flag.
fn pick<T: Copy>(flag: &str, value: &str, modes: &[(&str, T)]) -> Result<T, String> {
    modes
        .iter()
        .find(|(name, _)| *name == value)
        .map(|&(_, mode)| mode)
        .ok_or(format!("{flag}: unknown mode {value}"))
}

/// `WxH`, then optionally `:BASELINE` (px down from the top) and `:ALIGN`.
fn inline_box(v: &str) -> Result<InlineBox, String> {
    let mut parts = v.split(':');
    let size = parts.next().unwrap_or_default();
    let (w, h) = size
        .split_once('x')
        .ok_or(format!("--boxes {v}: want WxH[:BASELINE][:ALIGN]"))?;
    let num = |s: &str| s.parse::<f32>().map_err(|e| format!("--boxes {v}: {e}"));
    let mut b = InlineBox::new(0, num(w)?, num(h)?);
    for part in parts {
        b = match part {
            "baseline" => b.align(BoxAlign::Baseline),
            "middle" => b.align(BoxAlign::Middle),
            "top" => b.align(BoxAlign::Top),
            "bottom" => b.align(BoxAlign::Bottom),
            n => b.baseline(num(n)?),
        };
    }
    Ok(b)
}

/// `natural:F`, `size:F`, `px:N` or `uniform:F`.
fn line_height(v: &str) -> Result<LineHeight, String> {
    let (mode, n) = v
        .split_once(':')
        .ok_or(format!("--line-height {v}: want MODE:NUMBER"))?;
    let n: f32 = n.parse().map_err(|e| format!("--line-height: {e}"))?;
    let make = pick(
        "--line-height",
        mode,
        &[
            ("natural", LineHeight::Natural as fn(f32) -> LineHeight),
            ("size", LineHeight::FontSize),
            ("px", LineHeight::Px),
            ("uniform", LineHeight::Uniform),
        ],
    )?;
    Ok(make(n))
}

impl LayoutFlags {
    /// Takes `flag` if it is one of these (reading its value with `value`): `Ok(true)`;
    /// `Ok(false)` for another flag.
    pub fn take(
        &mut self,
        flag: &str,
        mut value: impl FnMut() -> Result<String, String>,
    ) -> Result<bool, String> {
        match flag {
            "--align" => {
                self.align = pick(
                    flag,
                    &value()?,
                    &[
                        ("start", Alignment::Start),
                        ("end", Alignment::End),
                        ("center", Alignment::Center),
                        ("left", Alignment::Left),
                        ("right", Alignment::Right),
                        ("justify", Alignment::Justify),
                    ],
                )?
            }
            "--wrap" => {
                self.wrap = pick(
                    flag,
                    &value()?,
                    &[
                        ("wrap", TextWrap::Wrap),
                        ("balance", TextWrap::Balance),
                        ("pretty", TextWrap::Pretty),
                    ],
                )?
            }
            "--breaking" => {
                self.breaking = pick(
                    flag,
                    &value()?,
                    &[
                        ("first-fit", LineBreaking::FirstFit),
                        ("optimal", LineBreaking::Optimal),
                    ],
                )?
            }
            "--no-wrap" => self.no_wrap = true,
            "--line-height" => self.line_height = line_height(&value()?)?,
            "--overflow-wrap" => {
                self.overflow_wrap = pick(
                    flag,
                    &value()?,
                    &[
                        ("anywhere", OverflowWrap::Anywhere),
                        ("break-word", OverflowWrap::BreakWord),
                        ("normal", OverflowWrap::Normal),
                    ],
                )?
            }
            "--fallback" => {
                self.fallback = pick(
                    flag,
                    &value()?,
                    &[("grapheme", Fallback::Grapheme), ("per-char", Fallback::PerChar)],
                )?
            }
            "--max-lines" => {
                self.max_lines = Some(value()?.parse().map_err(|e| format!("--max-lines: {e}"))?)
            }
            "--truncate" => {
                self.truncate = Some(pick(
                    flag,
                    &value()?,
                    &[
                        ("end", Truncate::End),
                        ("start", Truncate::Start),
                        ("middle", Truncate::Middle),
                    ],
                )?)
            }
            "--truncate-at" => {
                self.truncate_at = pick(
                    flag,
                    &value()?,
                    &[("grapheme", TruncateAt::Grapheme), ("word", TruncateAt::Word)],
                )?
            }
            "--ellipsis" => self.ellipsis = value()?,
            "--letter-spacing" => {
                self.letter_spacing = value()?.parse().map_err(|e| format!("{flag}: {e}"))?
            }
            "--word-spacing" => self.word_spacing = value()?.parse().map_err(|e| format!("{flag}: {e}"))?,
            "--boxes" => self.boxes = Some(inline_box(&value()?)?),
            "--hyphens" => {
                self.hyphens = pick(
                    flag,
                    &value()?,
                    &[
                        ("none", Hyphens::None),
                        ("manual", Hyphens::Manual),
                        ("auto", Hyphens::Auto),
                    ],
                )?
            }
            "--language" => self.language = Some(value()?),
            "--paint-points" => self.paint_points = true,
            "--variations" => {
                self.variations = Variation::parse_list(&value()?).map_err(|e| e.to_string())?
            }
            "--italic" => self.italic = true,
            "--stretch" => self.stretch = value()?.parse().map_err(|e| format!("{flag}: {e}"))?,
            "--no-synthesis" => self.synthesis = false,
            "--no-optical-sizing" => self.optical_sizing = false,
            "--underline" => self.underline = true,
            "--strikethrough" => self.strikethrough = true,
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// The layout options at `width` (ignored with `--no-wrap`).
    pub fn options(&self, width: f32) -> LayoutOptions {
        let mut options = if self.no_wrap {
            LayoutOptions::no_wrap()
        } else {
            LayoutOptions::new(width)
        }
        .align(self.align)
        .text_wrap(self.wrap)
        .breaking(self.breaking)
        .line_height_mode(self.line_height)
        .overflow_wrap(self.overflow_wrap)
        .truncate_at(self.truncate_at);
        if let Some(mode) = self.truncate {
            options = options.truncate(mode);
        }
        if let Some(n) = self.max_lines {
            options = options.max_lines(n);
        }
        options
    }

    /// The style flags (spacing, decorations, hyphens, language) applied to `style`.
    pub fn style(&self, style: TextStyle) -> TextStyle {
        let style = match &self.language {
            Some(tag) => style.language(tag),
            None => style,
        };
        let style = self.variations.iter().fold(style, |s, v| s.variation(*v));
        let style = if self.italic { style.italic(true) } else { style };
        style
            .stretch(self.stretch)
            .synthesis(self.synthesis)
            .optical_sizing(self.optical_sizing)
            .letter_spacing(self.letter_spacing)
            .word_spacing(self.word_spacing)
            .underline(self.underline)
            .strikethrough(self.strikethrough)
            .hyphens(self.hyphens)
    }

    /// The paragraph settings among the flags (fallback, ellipsis, a box on each U+FFFC of
    /// `text`, numbered from 0 in text order) applied to `builder`.
    pub fn paragraph<'t>(&self, text: &str, builder: ParagraphBuilder<'t>) -> ParagraphBuilder<'t> {
        let mut builder = builder.fallback(self.fallback).ellipsis(&self.ellipsis);
        if self.paint_points {
            let is_point = |c: char| {
                ('\u{0591}'..='\u{05C7}').contains(&c)
                    && !matches!(c, '\u{05BE}' | '\u{05C0}' | '\u{05C3}' | '\u{05C6}')
            };
            for (offset, c) in text.char_indices().filter(|&(_, c)| is_point(c)) {
                builder = builder.span(offset..offset + c.len_utf8(), shrift::SpanStyle::new().paint(1));
            }
        }
        if let Some(b) = self.boxes {
            for (id, (offset, _)) in text.match_indices('\u{FFFC}').enumerate() {
                let placed = InlineBox::new(id as u64, b.width(), b.height())
                    .baseline(b.get_baseline())
                    .align(b.get_align());
                builder = builder.inline_box(offset, placed);
            }
        }
        builder
    }
}
