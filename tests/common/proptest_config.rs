//! The proptest settings every property file uses: a fixed seed so that CI is repeatable
//! (PROPTEST_RNG_SEED=<n> and PROPTEST_CASES=<n> explore further), and where failing cases are
//! kept (rerun first next time).

use proptest::test_runner::{Config, FileFailurePersistence, RngSeed};

/// `cases` cases from `seed`, failures kept in `regressions` (a path from the crate root) if given.
pub fn config(cases: u32, seed: u64, regressions: Option<&'static str>) -> Config {
    let default = Config::default();
    Config {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            default.cases
        } else {
            cases
        },
        failure_persistence: regressions.map(|path| {
            Box::new(FileFailurePersistence::Direct(path))
                as Box<dyn proptest::test_runner::FailurePersistence>
        }),
        rng_seed: match default.rng_seed {
            RngSeed::Random => RngSeed::Fixed(seed),
            chosen => chosen,
        },
        ..default
    }
}

/// Mixed text for properties: short words (Yiddish with points, English, digits, brackets,
/// dashes) common to the property files, plus `extra` words, each followed by one of
/// `separators`; `words` of them.
#[allow(dead_code)] // not every property file asks for text
pub fn mixed_text(
    extra: &[&'static str],
    separators: &[&'static str],
    words: std::ops::Range<usize>,
) -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let mut vocabulary = vec![
        "שלום",
        "פֿאַר",
        "ייִדיש",
        "אַ",
        "YIVO",
        "the",
        "Institute",
        "1925",
        "(ווילנע)",
        "—",
    ];
    vocabulary.extend_from_slice(extra);
    let word = prop::sample::select(vocabulary);
    let separator = prop::sample::select(separators.to_vec());
    prop::collection::vec((word, separator), words)
        .prop_map(|v| v.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
}
