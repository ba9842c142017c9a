//! The house rules of `src/` (../shared/DESIGN.md, "Growing the house"), checked on the source:
//!
//! - no import circle: no module uses another that uses it back, directly or through others, both
//!   between files and between the top-level folders (the pipeline's stages);
//! - no file over 700 lines, no function over 120.
//!
//! The graph is read from the code itself: every path that starts with `crate::`, `super::`,
//! `self::` or the name of a child module (in `use` trees, `{...}` groups expanded, and in
//! expressions and types), resolved to the deepest module that is a file. Comments, string and
//! char literals and `#[cfg(test)]` items (unit tests may reach anywhere) are left out. A path to
//! the crate root's re-exports (`crate::Layout`) is an edge to `lib.rs`, which uses every
//! module: so every module must import a type from the file that defines it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const MAX_FILE_LINES: usize = 700;
const MAX_FN_LINES: usize = 120;

/// A source file as a module: its path (`["layout", "options"]`; `[]` for lib.rs).
struct Module {
    path: Vec<String>,
    file: PathBuf,
    /// Whether the file is a folder's `mod.rs` (or lib.rs): its children live beside it.
    is_dir: bool,
    text: String,
}

fn modules() -> Vec<Module> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    walk(&src, &src, &mut out);
    // Modules declared under #[cfg(test)] (test code in files of their own) are test code too.
    let mut tests: Vec<Vec<String>> = Vec::new();
    for m in &out {
        let code = code_only(&m.text);
        let mut rest = code.as_str();
        while let Some(at) = rest.find("#[cfg(") {
            let attr = &rest[at..];
            let is_test = attr.starts_with("#[cfg(test)]") || attr.starts_with("#[cfg(all(test");
            rest = &rest[at + 6..];
            let Some(close) = rest.find(']') else { break };
            let item = rest[close + 1..].trim_start();
            let item = item.strip_prefix("pub(crate) ").unwrap_or(item);
            if let (true, Some(decl)) = (is_test, item.strip_prefix("mod ")) {
                let name: String = decl
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if decl[name.len()..].trim_start().starts_with(';') {
                    let mut path = m.path.clone();
                    path.push(name);
                    tests.push(path);
                }
            }
        }
    }
    out.retain(|m| !tests.iter().any(|t| m.path.starts_with(t)));
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

fn walk(src: &Path, dir: &Path, out: &mut Vec<Module>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("src/ is readable")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(src, &p, out);
            continue;
        }
        if p.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = p.strip_prefix(src).expect("under src");
        let mut path: Vec<String> = rel
            .iter()
            .map(|s| s.to_string_lossy().trim_end_matches(".rs").to_string())
            .collect();
        let last = path.pop().expect("a file name");
        let is_dir = last == "mod" || (last == "lib" && path.is_empty());
        if !is_dir {
            path.push(last);
        }
        let text = std::fs::read_to_string(&p).expect("a readable source file");
        out.push(Module {
            path,
            file: p,
            is_dir,
            text,
        });
    }
}

/// `text` with comments, string and char literals blanked out (newlines kept, so line numbers
/// hold).
fn code_only(text: &str) -> String {
    let b: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == '/' && b.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if b[i] == '*' && b.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(b[i]));
                    i += 1;
                }
            }
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && !ident_char(b.get(i.wrapping_sub(1)))
        {
            // A raw string: r"..." or r#"..."#.
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= b.len() {
                    break;
                }
                if b[j] == '"' && (0..hashes).all(|h| b.get(j + 1 + h) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            for &ch in &b[i..j.min(b.len())] {
                out.push(blank(ch));
            }
            i = j;
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < b.len() && b[i] != '"' {
                if b[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < b.len() {
                    out.push(blank(b[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{5B7}'), or a lifetime ('a), which is kept.
            if next == Some('\\') {
                let mut j = i + 2;
                while j < b.len() && b[j] != '\'' {
                    j += 1;
                }
                for _ in i..=j.min(b.len() - 1) {
                    out.push(' ');
                }
                i = j + 1;
            } else if b.get(i + 2) == Some(&'\'') {
                out.push_str("   ");
                i += 3;
            } else {
                out.push(c);
                i += 1;
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_char(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// `code` with every item under `#[cfg(test)]` (or `#[cfg(all(test, ...))]`) blanked out.
fn without_tests(code: &str) -> String {
    let mut b: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < b.len() {
        let rest: String = b[i..b.len().min(i + 16)].iter().collect();
        if !(rest.starts_with("#[cfg(test)]") || rest.starts_with("#[cfg(all(test")) {
            i += 1;
            continue;
        }
        // The item after the attribute: up to its first `;` or the brace matching its first `{`.
        let start = i;
        let mut j = i + 2;
        let mut depth = 1; // inside the attribute's `[`
        while j < b.len() && depth > 0 {
            match b[j] {
                '[' => depth += 1,
                ']' => depth -= 1,
                _ => {}
            }
            j += 1;
        }
        let mut braces = 0;
        while j < b.len() {
            match b[j] {
                '{' => braces += 1,
                '}' => {
                    braces -= 1;
                    if braces == 0 {
                        break;
                    }
                }
                ';' if braces == 0 => break,
                _ => {}
            }
            j += 1;
        }
        let end = (j + 1).min(b.len());
        for ch in b[start..end].iter_mut() {
            if *ch != '\n' {
                *ch = ' ';
            }
        }
        i = j + 1;
    }
    b.into_iter().collect()
}

/// Every path the code names: `a::b::C`, with `use` groups expanded (`a::{b::C, D}` gives
/// `a::b::C` and `a::D`). Paths are lists of segments.
fn paths(code: &str) -> Vec<Vec<String>> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts_ident = (chars[i].is_alphabetic() || chars[i] == '_')
            && !ident_char(chars.get(i.wrapping_sub(1)))
            && !(i >= 2 && chars[i - 1] == ':' && chars[i - 2] == ':');
        if !starts_ident {
            i += 1;
            continue;
        }
        let (end, mut found) = parse_path(&chars, i, Vec::new());
        found.retain(|p| p.len() > 1);
        out.extend(found);
        i = end.max(i + 1);
    }
    out
}

/// Parses a path (or use tree) at `i` after `prefix`; returns where it ends and the full paths.
fn parse_path(chars: &[char], mut i: usize, prefix: Vec<String>) -> (usize, Vec<Vec<String>>) {
    let mut segs = prefix;
    loop {
        skip_ws(chars, &mut i);
        if chars.get(i) == Some(&'{') {
            // A group: comma-separated trees.
            i += 1;
            let mut out = Vec::new();
            loop {
                skip_ws(chars, &mut i);
                match chars.get(i) {
                    None => return (i, out),
                    Some('}') => return (i + 1, out),
                    Some(',') => i += 1,
                    _ => {
                        let (end, found) = parse_path(chars, i, segs.clone());
                        out.extend(found);
                        if end == i {
                            i += 1;
                        } else {
                            i = end;
                        }
                    }
                }
            }
        }
        let start = i;
        while ident_char(chars.get(i)) {
            i += 1;
        }
        if i == start {
            return (i, vec![segs]);
        }
        segs.push(chars[start..i].iter().collect());
        let mut j = i;
        skip_ws(chars, &mut j);
        if chars.get(j) == Some(&':') && chars.get(j + 1) == Some(&':') {
            i = j + 2;
        } else {
            return (i, vec![segs]);
        }
    }
}

fn skip_ws(chars: &[char], i: &mut usize) {
    while chars.get(*i).is_some_and(|c| c.is_whitespace()) {
        *i += 1;
    }
}

/// The module (an index into `mods`) a path from module `from` leads to: the deepest file module
/// on it; `None` for paths that leave the crate (`std::`, other crates) or lead to `from` itself.
fn resolve(mods: &[Module], from: usize, path: &[String]) -> Option<usize> {
    let here = &mods[from].path;
    let index_of = |p: &[String]| mods.iter().position(|m| m.path == p);
    // `super` of a file module is its folder's module; of a mod.rs, the folder's parent.
    let mut base: Vec<String>;
    let mut rest = path;
    match path[0].as_str() {
        "crate" => {
            base = Vec::new();
            rest = &path[1..];
        }
        "self" => {
            base = here.clone();
            rest = &path[1..];
        }
        "super" => {
            base = here.clone();
            while rest.first().is_some_and(|s| s == "super") {
                base.pop()?;
                rest = &rest[1..];
            }
        }
        first => {
            // A child module named bare (2018 paths), seen from a folder's mod.rs or lib.rs (a
            // file module's children would be in a folder of its own: none here).
            let mut child = here.clone();
            child.push(first.to_string());
            if !mods[from].is_dir || index_of(&child).is_none() {
                return None;
            }
            base = here.clone();
        }
    }
    for seg in rest {
        let mut deeper = base.clone();
        deeper.push(seg.clone());
        if index_of(&deeper).is_none() {
            break;
        }
        base = deeper;
    }
    let to = index_of(&base)?;
    (to != from).then_some(to)
}

/// The strongly connected components of more than one node (Tarjan's algorithm).
fn circles(n: usize, edges: &[BTreeSet<usize>]) -> Vec<Vec<usize>> {
    struct State<'e> {
        edges: &'e [BTreeSet<usize>],
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        on_stack: Vec<bool>,
        stack: Vec<usize>,
        next: usize,
        out: Vec<Vec<usize>>,
    }
    fn visit(s: &mut State<'_>, v: usize) {
        s.index[v] = Some(s.next);
        s.low[v] = s.next;
        s.next += 1;
        s.stack.push(v);
        s.on_stack[v] = true;
        for &w in s.edges[v].clone().iter() {
            match s.index[w] {
                None => {
                    visit(s, w);
                    s.low[v] = s.low[v].min(s.low[w]);
                }
                Some(i) if s.on_stack[w] => s.low[v] = s.low[v].min(i),
                _ => {}
            }
        }
        if Some(s.low[v]) == s.index[v] {
            let mut scc = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack[w] = false;
                scc.push(w);
                if w == v {
                    break;
                }
            }
            if scc.len() > 1 {
                scc.sort();
                s.out.push(scc);
            }
        }
    }
    let mut s = State {
        edges,
        index: vec![None; n],
        low: vec![0; n],
        on_stack: vec![false; n],
        stack: Vec::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in 0..n {
        if s.index[v].is_none() {
            visit(&mut s, v);
        }
    }
    s.out
}

fn name(m: &Module) -> String {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    m.file.strip_prefix(&src).unwrap_or(&m.file).display().to_string()
}

/// Edges between files: for each file, the files it uses (with one path as the witness).
fn file_graph(mods: &[Module]) -> Vec<BTreeMap<usize, String>> {
    mods.iter()
        .enumerate()
        .map(|(k, m)| {
            let code = without_tests(&code_only(&m.text));
            let mut to = BTreeMap::new();
            for p in paths(&code) {
                if let Some(t) = resolve(mods, k, &p) {
                    to.entry(t).or_insert_with(|| p.join("::"));
                }
            }
            to
        })
        .collect()
}

#[test]
fn no_import_circle_between_files() {
    let mods = modules();
    let graph = file_graph(&mods);
    let edges: Vec<BTreeSet<usize>> = graph.iter().map(|g| g.keys().copied().collect()).collect();
    let found = circles(mods.len(), &edges);
    let mut report = String::new();
    for scc in &found {
        report.push_str("circle:\n");
        for &a in scc {
            for (&b, witness) in &graph[a] {
                if scc.contains(&b) {
                    report.push_str(&format!(
                        "  {} -> {} ({witness})\n",
                        name(&mods[a]),
                        name(&mods[b])
                    ));
                }
            }
        }
    }
    assert!(found.is_empty(), "import circles between files:\n{report}");
}

#[test]
fn no_import_circle_between_stages() {
    let mods = modules();
    let graph = file_graph(&mods);
    // Each file's top-level module: its folder, or the file itself at the top.
    let top = |m: &Module| m.path.first().cloned().unwrap_or_else(|| "lib".to_string());
    let names: Vec<String> = mods
        .iter()
        .map(top)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let at = |n: &str| names.iter().position(|x| x == n).expect("a known stage");
    let mut edges = vec![BTreeSet::new(); names.len()];
    let mut witness = BTreeMap::new();
    for (k, to) in graph.iter().enumerate() {
        for (&t, p) in to {
            let (a, b) = (at(&top(&mods[k])), at(&top(&mods[t])));
            if a != b {
                edges[a].insert(b);
                witness
                    .entry((a, b))
                    .or_insert_with(|| format!("{} -> {} ({p})", name(&mods[k]), name(&mods[t])));
            }
        }
    }
    let found = circles(names.len(), &edges);
    let mut report = String::new();
    for scc in &found {
        let members: Vec<&str> = scc.iter().map(|&i| names[i].as_str()).collect();
        report.push_str(&format!("circle {members:?}:\n"));
        for &a in scc {
            for &b in scc {
                if let Some(w) = witness.get(&(a, b)) {
                    report.push_str(&format!("  {w}\n"));
                }
            }
        }
    }
    assert!(found.is_empty(), "import circles between stages:\n{report}");
}

#[test]
fn files_and_functions_stay_short() {
    let mut long = Vec::new();
    for m in modules() {
        let lines = m.text.lines().count();
        if lines > MAX_FILE_LINES {
            long.push(format!("{}: {lines} lines (at most {MAX_FILE_LINES})", name(&m)));
        }
        let code = code_only(&m.text);
        for (line, length) in function_lengths(&code) {
            if length > MAX_FN_LINES {
                long.push(format!(
                    "{}:{line}: a function of {length} lines (at most {MAX_FN_LINES})",
                    name(&m)
                ));
            }
        }
    }
    assert!(long.is_empty(), "{}", long.join("\n"));
}

/// (first line, lines) of every function body in `code` (comments and literals blanked).
fn function_lengths(code: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = code.chars().collect();
    let line_at = |i: usize| chars[..i].iter().filter(|&&c| c == '\n').count() + 1;
    let mut out = Vec::new();
    let mut i = 0;
    while i + 3 < chars.len() {
        let is_fn = chars[i] == 'f'
            && chars[i + 1] == 'n'
            && chars[i + 2].is_whitespace()
            && !ident_char(chars.get(i.wrapping_sub(1)));
        if !is_fn {
            i += 1;
            continue;
        }
        // The body: the first `{` before any `;` (a declaration without a body has none).
        let mut j = i;
        while j < chars.len() && chars[j] != '{' && chars[j] != ';' {
            j += 1;
        }
        if chars.get(j) != Some(&'{') {
            i = j;
            continue;
        }
        let mut depth = 0;
        let open = j;
        while j < chars.len() {
            match chars[j] {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        let (first, last) = (line_at(i), line_at(j.min(chars.len() - 1)));
        out.push((first, last - first + 1));
        // Nested functions are measured too: go on inside this one.
        i = open + 1;
    }
    out
}

#[test]
fn the_checker_sees_a_circle() {
    // Two modules that use each other, as the reader above parses them.
    let a = "use crate::b::{X, y::Z};\nfn f() { super::b::g(); }";
    let found = paths(&without_tests(&code_only(a)));
    assert!(found.contains(&vec!["crate".into(), "b".into(), "X".into()]));
    assert!(found.contains(&vec!["crate".into(), "b".into(), "y".into(), "Z".into()]));
    assert!(found.contains(&vec!["super".into(), "b".into(), "g".into()]));
    // Tests, comments and strings are not edges.
    let t = "#[cfg(test)]\nmod tests { use crate::c::D; }\n// crate::e::F\nconst S: &str = \"crate::g::H\";";
    assert!(paths(&without_tests(&code_only(t)))
        .iter()
        .all(|p| p[0] != "crate"));
    let edges = vec![
        BTreeSet::from([1]),
        BTreeSet::from([2]),
        BTreeSet::from([0]),
        BTreeSet::new(),
    ];
    assert_eq!(circles(4, &edges), vec![vec![0, 1, 2]]);
}
