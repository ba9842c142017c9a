//! shrift (both shaping backends), cosmic-text 0.19 and parley 0.12 lay out the article side by
//! side, in one run: faces from the same bytes (six Noto faces); headline "Noto Sans Hebrew, Noto
//! Sans" bold 32 px, body "Noto Serif, Noto Serif Hebrew" 16 px, labels "Noto Sans Hebrew, Noto
//! Sans" bold 16 px; one layout object per block; every glyph read back.
//!
//! Cases: cold (build and lay out at 600 px; shrift with its shape cache emptied, the peers with
//! their font and layout contexts reused, as their users do), cold with shrift's word cache on
//! (`LayoutContext::set_word_cache`), warm rebuild (shrift's shape cache
//! warm), new context (shrift from a fresh LayoutContext: plans compiled and faces parsed again),
//! reflow (the built layouts laid out at 420 and 600 px alternately).
//! Cases are interleaved in rounds so that machine drift hits all alike; medians per case, each
//! with its ratio to parley's cold or reflow. Heap traffic per case from a counting allocator.
//!
//! ```text
//! cd benches/peers && cargo run --release            # about a minute
//! ```
//! cosmic-text has no font stack: each style names its first family and relies on its fallback.

use std::alloc::{GlobalAlloc, Layout as AllocLayout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

struct Counting;
static ALLOCS: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call goes unchanged to the system allocator; the counters are relaxed atomics.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: AllocLayout) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: AllocLayout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: AllocLayout, new_size: usize) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(new_size, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

const ARTICLE: &str = include_str!("../../../tests/data/article.txt");
const FACES: [&[u8]; 6] = [
    include_bytes!("../../../fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../../fonts/NotoSans-Bold.ttf"),
    include_bytes!("../../../fonts/NotoSansHebrew-Regular.ttf"),
    include_bytes!("../../../fonts/NotoSansHebrew-Bold.ttf"),
    include_bytes!("../../../fonts/NotoSerif-Regular.ttf"),
    include_bytes!("../../../fonts/NotoSerifHebrew-Regular.ttf"),
];

/// (text, stack, size, bold) of each block.
fn blocks() -> Vec<(&'static str, &'static str, f32, bool)> {
    let paragraphs: Vec<&str> = ARTICLE.lines().filter(|l| !l.is_empty()).collect();
    let labels_from = paragraphs.len() - 2;
    paragraphs
        .iter()
        .enumerate()
        .map(|(i, &t)| match i {
            0 => (t, "Noto Sans Hebrew, Noto Sans", 32.0, true),
            i if i >= labels_from => (t, "Noto Sans Hebrew, Noto Sans", 16.0, true),
            _ => (t, "Noto Serif, Noto Serif Hebrew", 16.0, false),
        })
        .collect()
}

// ---- shrift

struct Shrift {
    book: shrift::FontBook,
    blocks: Vec<(&'static str, shrift::TextStyle)>,
    backend: shrift::ShapingBackend,
    cx: shrift::LayoutContext,
    paragraphs: Vec<shrift::Paragraph>,
    layouts: Vec<shrift::Layout>,
}

impl Shrift {
    fn new(backend: shrift::ShapingBackend) -> Shrift {
        let mut book = shrift::FontBook::new();
        for (i, bytes) in FACES.iter().enumerate() {
            book.add(shrift::Font::from_bytes(bytes.to_vec(), 0, &format!("face{i}")).unwrap());
        }
        let blocks = blocks()
            .into_iter()
            .map(|(t, stack, size, bold)| {
                let style = shrift::TextStyle::new(stack).size(size).weight(if bold { 700 } else { 400 });
                (t, style)
            })
            .collect();
        let mut s = Shrift {
            book,
            blocks,
            backend,
            cx: shrift::LayoutContext::with_backend(backend),
            paragraphs: Vec::new(),
            layouts: Vec::new(),
        };
        s.build();
        s
    }

    fn build(&mut self) -> f32 {
        self.paragraphs.clear();
        self.layouts.clear();
        let mut sum = 0.0;
        for (text, style) in &self.blocks {
            let p = shrift::Paragraph::new(text, style.clone(), &self.book, &mut self.cx).unwrap();
            let l = p.layout(&mut self.cx, &shrift::LayoutOptions::new(600.0)).unwrap();
            sum += read_shrift(&l);
            self.paragraphs.push(p);
            self.layouts.push(l);
        }
        sum
    }

    /// Cold as the issue defines it: an empty shape cache; the context (plans, parsed faces) is
    /// reused, as the peers' contexts are.
    fn cold(&mut self) -> f32 {
        self.cx.clear_shape_cache();
        self.build()
    }

    /// Everything from nothing: a new context (plans compiled, faces parsed again).
    fn fresh(&mut self) -> f32 {
        self.cx = shrift::LayoutContext::with_backend(self.backend);
        self.build()
    }

    fn reflow(&mut self, width: f32) -> f32 {
        let mut sum = 0.0;
        for (p, l) in self.paragraphs.iter().zip(&mut self.layouts) {
            p.layout_into(&mut self.cx, &shrift::LayoutOptions::new(width), l).unwrap();
            sum += read_shrift(l);
        }
        sum
    }
}

fn read_shrift(l: &shrift::Layout) -> f32 {
    l.all_glyphs().iter().map(|g| g.x + g.y + f32::from(g.id)).sum()
}

// ---- cosmic-text

struct Cosmic {
    fs: cosmic_text::FontSystem,
    buffers: Vec<cosmic_text::Buffer>,
}

impl Cosmic {
    fn new() -> Cosmic {
        let mut db = cosmic_text::fontdb::Database::new();
        for bytes in FACES {
            db.load_font_data(bytes.to_vec());
        }
        let fs = cosmic_text::FontSystem::new_with_locale_and_db("en-US".into(), db);
        let mut c = Cosmic { fs, buffers: Vec::new() };
        c.cold();
        c
    }

    fn cold(&mut self) -> f32 {
        use cosmic_text::{Attrs, Buffer, Family, Metrics, Shaping, Weight};
        self.buffers.clear();
        let mut sum = 0.0;
        for (text, stack, size, bold) in blocks() {
            let first = stack.split(',').next().unwrap_or(stack).trim();
            let attrs = Attrs::new()
                .family(Family::Name(first))
                .weight(if bold { Weight::BOLD } else { Weight::NORMAL });
            let mut b = Buffer::new(&mut self.fs, Metrics::new(size, size * 1.36));
            b.set_size(Some(600.0), None);
            b.set_text(text, &attrs, Shaping::Advanced, None);
            b.shape_until_scroll(&mut self.fs, false);
            sum += read_cosmic(&b);
            self.buffers.push(b);
        }
        sum
    }

    fn reflow(&mut self, width: f32) -> f32 {
        let mut sum = 0.0;
        for b in &mut self.buffers {
            b.set_size(Some(width), None);
            b.shape_until_scroll(&mut self.fs, false);
            sum += read_cosmic(b);
        }
        sum
    }
}

fn read_cosmic(b: &cosmic_text::Buffer) -> f32 {
    let mut sum = 0.0;
    for run in b.layout_runs() {
        for g in run.glyphs {
            sum += g.x + g.y + run.line_y + f32::from(g.glyph_id);
        }
    }
    sum
}

// ---- parley

struct Parley {
    fcx: parley::FontContext,
    lcx: parley::LayoutContext<()>,
    layouts: Vec<parley::Layout<()>>,
}

impl Parley {
    fn new() -> Parley {
        use parley::fontique::{Blob, Collection, CollectionOptions, SourceCache};
        let mut collection = Collection::new(CollectionOptions {
            shared: false,
            system_fonts: false,
        });
        for bytes in FACES {
            let data: Arc<dyn AsRef<[u8]> + Send + Sync> = Arc::new(bytes.to_vec());
            collection.register_fonts(Blob::new(data), None);
        }
        let fcx = parley::FontContext {
            collection,
            source_cache: SourceCache::default(),
        };
        let mut p = Parley {
            fcx,
            lcx: parley::LayoutContext::new(),
            layouts: Vec::new(),
        };
        p.cold();
        p
    }

    fn cold(&mut self) -> f32 {
        use parley::{Alignment, AlignmentOptions, FontFamily, FontWeight, StyleProperty};
        self.layouts.clear();
        let mut sum = 0.0;
        for (text, stack, size, bold) in blocks() {
            let mut b = self.lcx.ranged_builder(&mut self.fcx, text, 1.0, false);
            b.push_default(StyleProperty::FontFamily(FontFamily::Source(stack.into())));
            b.push_default(StyleProperty::FontSize(size));
            b.push_default(StyleProperty::FontWeight(if bold { FontWeight::BOLD } else { FontWeight::NORMAL }));
            let mut layout = b.build(text);
            layout.break_all_lines(Some(600.0));
            layout.align(Alignment::Start, AlignmentOptions::default());
            sum += read_parley(&layout);
            self.layouts.push(layout);
        }
        sum
    }

    fn reflow(&mut self, width: f32) -> f32 {
        use parley::{Alignment, AlignmentOptions};
        let mut sum = 0.0;
        for layout in &mut self.layouts {
            layout.break_all_lines(Some(width));
            layout.align(Alignment::Start, AlignmentOptions::default());
            sum += read_parley(layout);
        }
        sum
    }
}

fn read_parley(layout: &parley::Layout<()>) -> f32 {
    let mut sum = 0.0;
    for line in layout.lines() {
        for item in line.items() {
            if let parley::PositionedLayoutItem::GlyphRun(run) = item {
                for g in run.positioned_glyphs() {
                    sum += g.x + g.y + g.id as f32;
                }
            }
        }
    }
    sum
}

// ---- the run

struct Case {
    name: &'static str,
    run: Box<dyn FnMut(usize) -> f32>,
    samples: Vec<f64>,
    allocs: (usize, usize),
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn main() {
    let rounds: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(40);
    let per_round = 25;
    // The default backend (HarfRust since issue 24), as a user who takes the defaults gets it.
    let mut default = Shrift::new(shrift::ShapingBackend::default());
    let default_name: &'static str = match shrift::ShapingBackend::default() {
        shrift::ShapingBackend::Harfrust => "shrift cold, default backend (harfrust)",
        shrift::ShapingBackend::Rustybuzz => "shrift cold, default backend (rustybuzz)",
    };
    let mut rb = Shrift::new(shrift::ShapingBackend::Rustybuzz);
    let mut hr = Shrift::new(shrift::ShapingBackend::Harfrust);
    let mut rb_warm = Shrift::new(shrift::ShapingBackend::Rustybuzz);
    let mut hr_warm = Shrift::new(shrift::ShapingBackend::Harfrust);
    let mut rb_fresh = Shrift::new(shrift::ShapingBackend::Rustybuzz);
    let mut hr_fresh = Shrift::new(shrift::ShapingBackend::Harfrust);
    let mut rb_reflow = Shrift::new(shrift::ShapingBackend::default());
    let mut rb_words = Shrift::new(shrift::ShapingBackend::Rustybuzz);
    rb_words.cx.set_word_cache(true);
    let mut hr_words = Shrift::new(shrift::ShapingBackend::Harfrust);
    hr_words.cx.set_word_cache(true);
    let mut cosmic = Cosmic::new();
    let mut cosmic_reflow = Cosmic::new();
    let mut parley = Parley::new();
    let mut parley_reflow = Parley::new();
    let width = |i: usize| if i % 2 == 0 { 420.0 } else { 600.0 };
    let mut cases = vec![
        Case { name: default_name, run: Box::new(move |_| default.cold()), samples: vec![], allocs: (0, 0) },
        Case { name: "shrift cold (rustybuzz)", run: Box::new(move |_| rb.cold()), samples: vec![], allocs: (0, 0) },
        Case { name: "shrift cold (harfrust)", run: Box::new(move |_| hr.cold()), samples: vec![], allocs: (0, 0) },
        Case { name: "shrift cold, word cache (rustybuzz)", run: Box::new(move |_| rb_words.cold()), samples: vec![], allocs: (0, 0) },
        Case { name: "shrift cold, word cache (harfrust)", run: Box::new(move |_| hr_words.cold()), samples: vec![], allocs: (0, 0) },
        Case { name: "shrift warm rebuild (rustybuzz)", run: Box::new(move |_| rb_warm.build()), samples: vec![], allocs: (0, 0) },
        Case { name: "shrift warm rebuild (harfrust)", run: Box::new(move |_| hr_warm.build()), samples: vec![], allocs: (0, 0) },
        Case { name: "shrift new context (rustybuzz)", run: Box::new(move |_| rb_fresh.fresh()), samples: vec![], allocs: (0, 0) },
        Case { name: "shrift new context (harfrust)", run: Box::new(move |_| hr_fresh.fresh()), samples: vec![], allocs: (0, 0) },
        Case { name: "cosmic-text cold", run: Box::new(move |_| cosmic.cold()), samples: vec![], allocs: (0, 0) },
        Case { name: "parley cold", run: Box::new(move |_| parley.cold()), samples: vec![], allocs: (0, 0) },
        Case { name: "shrift reflow", run: Box::new(move |i| rb_reflow.reflow(width(i))), samples: vec![], allocs: (0, 0) },
        Case { name: "cosmic-text reflow", run: Box::new(move |i| cosmic_reflow.reflow(width(i))), samples: vec![], allocs: (0, 0) },
        Case { name: "parley reflow", run: Box::new(move |i| parley_reflow.reflow(width(i))), samples: vec![], allocs: (0, 0) },
    ];
    // Warm-up, then heap traffic of one more call of each.
    for case in &mut cases {
        for i in 0..4 {
            black_box((case.run)(i));
        }
        let (a, b) = (ALLOCS.load(Ordering::Relaxed), BYTES.load(Ordering::Relaxed));
        black_box((case.run)(0));
        black_box((case.run)(1));
        case.allocs = (
            (ALLOCS.load(Ordering::Relaxed) - a) / 2,
            (BYTES.load(Ordering::Relaxed) - b) / 2,
        );
    }
    for _ in 0..rounds {
        for case in &mut cases {
            for i in 0..per_round {
                let t = Instant::now();
                black_box((case.run)(i));
                case.samples.push(t.elapsed().as_secs_f64() * 1e6);
            }
        }
    }
    let medians: Vec<f64> = cases.iter_mut().map(|c| median(&mut c.samples)).collect();
    let find = |name: &str| cases.iter().position(|c| c.name == name).map(|i| medians[i]).unwrap_or(f64::NAN);
    let (parley_cold, parley_reflow, cosmic_reflow) = (find("parley cold"), find("parley reflow"), find("cosmic-text reflow"));
    println!("| case | median µs | ratio | allocations | KB asked |");
    println!("|---|---|---|---|---|");
    for (c, m) in cases.iter().zip(&medians) {
        let ratio = if c.name.contains("reflow") {
            format!("{:.2}× parley, {:.2}× cosmic-text", m / parley_reflow, m / cosmic_reflow)
        } else {
            format!("{:.2}× parley cold", m / parley_cold)
        };
        println!("| {} | {:.1} | {} | {} | {:.0} |", c.name, m, ratio, c.allocs.0, c.allocs.1 as f64 / 1024.0);
    }
    println!("({rounds} rounds × {per_round} calls a case, interleaved; per call = the whole article)");
}
