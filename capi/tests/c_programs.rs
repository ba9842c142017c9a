//! The C error-path tests (`tests/c/errors.c`) as part of `cargo test`: compiled with the
//! system's C compiler (`CC`, else `cc`; warnings as errors) against the static library this
//! test run built, and run. `tools/capi_check.sh` runs the same program under valgrind and the
//! C dump example against the oracle.
#![cfg(feature = "bundled-fonts")]

use std::path::PathBuf;
use std::process::Command;

#[test]
fn the_c_error_tests_pass() {
    // The test binary sits in target/<profile>/deps, beside the library's staticlib.
    let exe = std::env::current_exe().expect("the test's path");
    let deps = exe.parent().expect("its folder");
    let lib = deps.join("libshrift_capi.a");
    assert!(lib.exists(), "{} was not built", lib.display());
    let capi = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let program = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("capi-errors");
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".into());
    let status = Command::new(&cc)
        .args(["-std=c11", "-O1", "-Wall", "-Wextra", "-Werror", "-pedantic"])
        .arg(format!("-I{}", capi.join("include").display()))
        .arg(capi.join("tests/c/errors.c"))
        .arg(&lib)
        .args([
            "-lgcc_s",
            "-lutil",
            "-lrt",
            "-lpthread",
            "-lm",
            "-ldl",
            "-lc",
            "-o",
        ])
        .arg(&program)
        .status()
        .unwrap_or_else(|e| panic!("{cc}: {e}"));
    assert!(status.success(), "{cc} failed on tests/c/errors.c");
    let out = Command::new(&program).output().expect("run the C tests");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "C tests failed:\n{stdout}{stderr}");
    assert!(stdout.contains(" 0 failed"), "{stdout}");
    println!("{stdout}");
}
