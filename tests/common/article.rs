//! The article as a document: the Yiddish headline, the English body, the two Yiddish labels.
//! Shared by the article example, the benchmark and the tests (`#[path]`-included).

use shrift::{Block, Document, Error, FontBook, LayoutContext, Paragraph, TextStyle};

/// The article's text, one paragraph a line.
pub const ARTICLE: &str = include_str!("../data/article.txt");

/// The headline's style: 32 px bold, Hebrew sans first.
pub fn headline_style() -> TextStyle {
    TextStyle::new("Noto Sans Hebrew, Noto Sans")
        .size(32.0)
        .weight(700)
}

/// The body's style: 16 px serif, Latin first.
pub fn body_style() -> TextStyle {
    TextStyle::new("Noto Serif, Noto Serif Hebrew").size(16.0)
}

/// The labels' style: 16 px bold sans, Hebrew first.
pub fn label_style() -> TextStyle {
    TextStyle::new("Noto Sans Hebrew, Noto Sans")
        .size(16.0)
        .weight(700)
}

/// Builds the document: the first line is the headline, the last two the labels, the rest body.
pub fn article_document(book: &FontBook, cx: &mut LayoutContext) -> Result<Document, Error> {
    let paragraphs: Vec<&str> = ARTICLE.lines().filter(|l| !l.is_empty()).collect();
    let labels_from = paragraphs.len().saturating_sub(2);
    let mut doc = Document::new();
    for (i, text) in paragraphs.iter().enumerate() {
        let (style, space) = match i {
            0 => (headline_style(), 16.0),
            i if i >= labels_from => (label_style(), 4.0),
            _ => (body_style(), 10.0),
        };
        let para = Paragraph::new(text, style, book, cx)?;
        doc.push(Block::new(para).space_after(space));
    }
    Ok(doc)
}
