//! OpenType feature settings.

use std::str::FromStr;

use crate::error::Error;

/// An OpenType feature setting such as `kern=0`, `+liga`, `-liga` or `ss01`, applied to a whole
/// span.
///
/// ```
/// let f: shrift::Feature = "-liga".parse().unwrap();
/// assert_eq!((f.tag(), f.value()), (*b"liga", 0));
/// assert!("toolong=1".parse::<shrift::Feature>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Feature {
    tag: [u8; 4],
    value: u32,
}

impl Feature {
    /// A feature from its four-byte tag and value (0 off, 1 on, n for alternates).
    pub fn new(tag: [u8; 4], value: u32) -> Feature {
        Feature { tag, value }
    }

    /// The four-byte tag.
    pub fn tag(&self) -> [u8; 4] {
        self.tag
    }

    /// The value.
    pub fn value(&self) -> u32 {
        self.value
    }
}

impl FromStr for Feature {
    type Err = Error;

    /// Parses `tag`, `+tag`, `-tag` or `tag=value`; a tag of one to four printable ASCII chars
    /// is padded with spaces, as HarfBuzz does.
    fn from_str(s: &str) -> Result<Feature, Error> {
        let bad = || Error::InvalidFeature(s.to_string());
        let t = s.trim();
        let (name, value) = if let Some(rest) = t.strip_prefix('-') {
            (rest, 0)
        } else if let Some((name, v)) = t.split_once('=') {
            (name.trim(), v.trim().parse::<u32>().map_err(|_| bad())?)
        } else {
            (t.strip_prefix('+').unwrap_or(t), 1)
        };
        if name.is_empty() || name.len() > 4 || !name.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(bad());
        }
        let mut tag = [b' '; 4];
        tag[..name.len()].copy_from_slice(name.as_bytes());
        Ok(Feature { tag, value })
    }
}
