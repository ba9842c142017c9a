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
