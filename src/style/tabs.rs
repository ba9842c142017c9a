//! Tab stops: where a tab (U+0009) takes the pen.
//!
//! In: a paragraph's [`TabStops`] and the base face's space. Out: [`ResolvedTabs`], asked for the
//! next stop after a pen position. Positions are measured along the line from its start edge (the
//! left edge of a left-to-right paragraph, the right edge of a right-to-left one) in logical order,
//! which is the distance from that edge for a line of one direction. Line breaking, intrinsic
//! widths and positioning all ask the same stops, so a tab's width is known wherever a line is
//! measured.

use crate::error::Error;
use crate::limits::MAX_WIDTH;

/// Where tabs stop (stops and interval at most [`MAX_WIDTH`]: a
/// [`Error::InvalidTabStops`] when the paragraph is built; a tab
/// never moves the pen past `MAX_WIDTH`): explicit stops, then every `interval` px (CSS `tab-size`; by default 8
/// spaces of the paragraph's base face, CSS's and Pango's default). A tab moves the pen to the
/// first stop at least half a space past it (CSS Text 3 §4.2: a stop closer than 0.5 ch is
/// skipped).
///
/// ```
/// # #[cfg(feature = "bundled-fonts")] {
/// use shrift::{FontBook, LayoutContext, LayoutOptions, Paragraph, TabStops, TextStyle};
/// let book = FontBook::with_bundled_fonts();
/// let mut cx = LayoutContext::new();
/// let para = Paragraph::builder("a\tb", TextStyle::new("Noto Sans"))
///     .tab_stops(TabStops::every(100.0))
///     .build(&book, &mut cx)?;
/// let layout = para.layout(&mut cx, &LayoutOptions::new(400.0))?;
/// let b = layout.all_glyphs().iter().find(|g| g.cluster == 2).unwrap();
/// assert_eq!(b.x, 100.0);
/// # }
/// # Ok::<(), shrift::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TabStops {
    interval: Option<f32>,
    stops: Vec<f32>,
}

impl TabStops {
    /// The default: every 8 spaces of the base face.
    pub fn new() -> TabStops {
        TabStops::default()
    }

    /// Stops every `px` pixels from the start edge.
    pub fn every(px: f32) -> TabStops {
        TabStops {
            interval: Some(px),
            stops: Vec::new(),
        }
    }

    /// Sets the interval of the stops after the explicit ones.
    pub fn interval(mut self, px: f32) -> TabStops {
        self.interval = Some(px);
        self
    }

    /// Adds an explicit stop `px` pixels from the start edge (in any order).
    pub fn stop(mut self, px: f32) -> TabStops {
        self.stops.push(px);
        self
    }

    /// The interval, if one was set (else 8 spaces of the base face).
    pub fn interval_px(&self) -> Option<f32> {
        self.interval
    }

    /// The explicit stops, as given.
    pub fn stops(&self) -> &[f32] {
        &self.stops
    }

    /// Checks the stops: an interval positive, stops not negative, both at most
    /// [`MAX_WIDTH`].
    pub(crate) fn validate(&self) -> Result<(), Error> {
        if let Some(i) = self.interval.filter(|i| !(*i > 0.0 && *i <= MAX_WIDTH)) {
            return Err(Error::InvalidTabStops(i));
        }
        if let Some(&s) = self.stops.iter().find(|s| !(0.0..=MAX_WIDTH).contains(*s)) {
            return Err(Error::InvalidTabStops(s));
        }
        Ok(())
    }

    /// The stops with the defaults filled in from the base face's `space` advance (px).
    pub(crate) fn resolve(&self, space: f32) -> ResolvedTabs {
        let space = if space.is_finite() && space > 0.0 {
            space
        } else {
            1.0
        };
        let mut stops = self.stops.clone();
        stops.sort_by(f32::total_cmp);
        stops.dedup();
        ResolvedTabs {
            interval: self.interval.unwrap_or(8.0 * space),
            stops,
            min_gap: space / 2.0,
        }
    }
}

/// A paragraph's tab stops, ready to ask.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ResolvedTabs {
    interval: f32,
    /// Explicit stops, ascending.
    stops: Vec<f32>,
    /// A stop nearer than this past the pen is skipped.
    min_gap: f32,
}

impl ResolvedTabs {
    /// The position a tab at `pen` moves the pen to: never past [`MAX_WIDTH`], where a tab has
    /// no stop left and takes no room (f32 positions keep 1/64 px only that far).
    pub(crate) fn next_stop(&self, pen: f32) -> f32 {
        let from = pen + self.min_gap;
        let k = self.stops.partition_point(|&s| s < from);
        let stop = match self.stops.get(k) {
            Some(&s) => s,
            // Past the explicit stops: the next multiple of the interval.
            None => ((from / self.interval).ceil() * self.interval).max(from),
        };
        if stop <= MAX_WIDTH {
            stop
        } else {
            pen.max(MAX_WIDTH)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::TabStops;

    #[test]
    fn a_tab_goes_to_the_next_stop_at_least_half_a_space_away() {
        // Space 4 px: interval 32 px, minimum gap 2 px.
        let tabs = TabStops::new().resolve(4.0);
        assert_eq!(tabs.next_stop(0.0), 32.0);
        assert_eq!(tabs.next_stop(29.0), 32.0);
        assert_eq!(tabs.next_stop(30.5), 64.0);
        let explicit = TabStops::every(50.0).stop(70.0).stop(20.0).resolve(4.0);
        assert_eq!(explicit.next_stop(0.0), 20.0);
        assert_eq!(explicit.next_stop(19.0), 70.0);
        assert_eq!(explicit.next_stop(70.0), 100.0);
    }

    #[test]
    fn bad_stops_are_errors() {
        for bad in [0.0, -1.0, f32::NAN, f32::INFINITY] {
            assert!(TabStops::every(bad).validate().is_err());
        }
        assert!(TabStops::new().stop(-3.0).validate().is_err());
        assert!(TabStops::new().stop(3.0).validate().is_ok());
    }
}
