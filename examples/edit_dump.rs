//! Prints shrift's editing geometry (lines, strong and weak carets at every cluster boundary,
//! hits on a 3 px grid, arrow-key walks, selection rectangles) for a text file, one paragraph per
//! line, as JSON in the schema of `../shared/tools/pango/edit_oracle.py`:
//!
//! ```text
//! cargo run --release --example edit_dump -- [--width PX] [--size PX] [--stack "A,B"]
//!     [--weight N] [--dir auto|ltr|rtl] [--fonts DIR] FILE > shrift.json
//! python3 ../shared/tools/pango/edit_compare.py PANGO.json shrift.json --mode exact|order
//! ```

#[path = "common/edit_json.rs"]
mod edit_json;
#[path = "common/setup.rs"]
mod setup;

use std::process::ExitCode;

use edit_json::{edit_json, Settings};

fn run() -> Result<String, String> {
    let mut settings = Settings {
        stack: "Noto Serif,Noto Serif Hebrew".into(),
        size: 16.0,
        weight: 400,
        width: 300.0,
        dir: "auto".into(),
        fonts: None,
    };
    let mut file = None;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        let bad = |name: &'static str| move |e: std::num::ParseFloatError| format!("{name}: {e}");
        match a.as_str() {
            "--width" => settings.width = value("--width")?.parse().map_err(bad("--width"))?,
            "--size" => settings.size = value("--size")?.parse().map_err(bad("--size"))?,
            "--stack" => settings.stack = value("--stack")?,
            "--weight" => {
                settings.weight = value("--weight")?.parse().map_err(|e| format!("--weight: {e}"))?
            }
            "--dir" => settings.dir = value("--dir")?,
            "--fonts" => settings.fonts = Some(value("--fonts")?),
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ => file = Some(a),
        }
    }
    let file = file.ok_or(
        "usage: edit_dump [--width PX] [--size PX] [--stack LIST] [--weight N] [--dir auto|ltr|rtl] [--fonts DIR] FILE",
    )?;
    let text = std::fs::read_to_string(&file).map_err(|e| format!("{file}: {e}"))?;
    let doc = edit_json(&text, &settings)?;
    serde_json::to_string(&doc).map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    match run() {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("edit_dump: {e}");
            ExitCode::FAILURE
        }
    }
}
