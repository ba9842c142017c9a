//! The committed header is what cbindgen makes of the crate now: a change to the ABI that
//! forgot the header fails here. `SHRIFT_BLESS=1` rewrites it.

use std::path::Path;

#[test]
fn the_header_is_current() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = cbindgen::Config::from_file(dir.join("cbindgen.toml")).expect("cbindgen.toml");
    let mut generated = Vec::new();
    cbindgen::Builder::new()
        .with_crate(dir)
        .with_config(config)
        .generate()
        .expect("cbindgen runs")
        .write(&mut generated);
    let generated = String::from_utf8(generated).expect("UTF-8");
    let path = dir.join("include/shrift.h");
    if std::env::var_os("SHRIFT_BLESS").is_some() {
        std::fs::write(&path, &generated).expect("write the header");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "capi/include/shrift.h is not what cbindgen generates from capi/src: regenerate it with \
         SHRIFT_BLESS=1 cargo test -p shrift-capi --test header"
    );
}
