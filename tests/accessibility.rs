//! The AccessKit tree shrift builds, read by `accesskit_consumer` (what AccessKit's platform
//! adapters navigate screen readers' requests with): walking it by character, word and line
//! visits the same offsets, words and lines as shrift's own movement; the text it holds is the
//! layout's; a point inside a character is that character in both; selections round-trip; and
//! the editor applies AccessKit's set-selection action, with a viewport too (the laid-out
//! paragraphs only, offsets mapped back to the document). On the article, on right-to-left and on
//! mixed paragraphs, wrapped at several widths and unwrapped.
//!
//! Offsets are read from the consumer as its own "global USV index" (chars from the start of
//! the document, counted by the consumer over the node values) and turned into bytes here, not
//! through shrift's map.

use accesskit::{Action, ActionData, ActionRequest, Node, NodeId, Role, TreeId, TreeInfo, TreeUpdate};
use accesskit_consumer::{NodeRef, TextPosition as Position, Tree};
use shrift::{
    AccessText, BaseDirection, Cursor, Editor, FontBook, Layout, LayoutContext, LayoutOptions, Movement,
    Paragraph, Selection, TextStyle, Viewport,
};

const ROOT: NodeId = NodeId(1);
const FIELD: NodeId = NodeId(2);
const RUNS: NodeId = NodeId(100);

const ARTICLE: &str = include_str!("data/article.txt");
const MIXED: &str = include_str!("data/mixed.txt");
/// Soft hyphens, pointed Yiddish, quotation marks, numbers in right-to-left text, double spaces.
const EDGE: &str = include_str!("data/edge.txt");
/// Bidi controls, combining marks, emoji sequences, tabs, CR LF and the like.
const STRESS: &str = include_str!("data/stress.txt");

/// A tree of a window holding one text field whose runs `build` adds.
fn tree(build: impl FnOnce(&mut TreeUpdate, &mut Node)) -> Tree {
    let mut update = TreeUpdate {
        nodes: Vec::new(),
        tree: Some(TreeInfo {
            root: ROOT,
            toolkit_name: None,
            toolkit_version: None,
        }),
        tree_id: TreeId::ROOT,
        focus: FIELD,
    };
    let mut field = Node::new(Role::MultilineTextInput);
    build(&mut update, &mut field);
    let mut root = Node::new(Role::Window);
    root.push_child(FIELD);
    update.nodes.push((ROOT, root));
    update.nodes.push((FIELD, field));
    Tree::new(update, true)
}

fn field(tree: &Tree) -> NodeRef<'_> {
    let field = tree.state().root().children().next().expect("the text field");
    assert!(field.supports_text_ranges());
    field
}

/// A screen reader's request to select the field's chars `from..to`, by the consumer's own
/// positions (its global char indices).
fn select_request(field: &NodeRef<'_>, from: usize, to: usize) -> ActionRequest {
    let start = field.text_position_from_global_usv_index(from).expect("start");
    let end = field.text_position_from_global_usv_index(to).expect("end");
    let mut range = start.to_degenerate_range();
    range.set_end(end);
    ActionRequest {
        action: Action::SetTextSelection,
        target_tree: TreeId::ROOT,
        target_node: FIELD,
        data: Some(ActionData::SetTextSelection(range.to_text_selection())),
    }
}

/// The byte offset of a consumer position, from its char index in `text`.
fn byte_offset(text: &str, pos: &Position<'_>) -> usize {
    let chars = pos.to_global_usv_index();
    text.char_indices().nth(chars).map_or(text.len(), |(i, _)| i)
}

fn layouts() -> Vec<(String, Layout)> {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let mut texts: Vec<&str> = ARTICLE.lines().filter(|l| !l.is_empty()).take(4).collect();
    texts.extend(MIXED.lines().filter(|l| !l.is_empty()));
    texts.extend(EDGE.lines().filter(|l| !l.is_empty()));
    texts.extend(STRESS.lines().filter(|l| !l.is_empty()));
    let mut out = Vec::new();
    for text in texts {
        let style = TextStyle::new("Noto Serif, Noto Serif Hebrew");
        let para = Paragraph::new(text, style, &book, &mut cx).expect("paragraph");
        for options in [
            LayoutOptions::new(180.0),
            LayoutOptions::new(420.0),
            LayoutOptions::no_wrap(),
        ] {
            let layout = para.layout(&mut cx, &options).expect("layout");
            out.push((text.to_string(), layout));
        }
    }
    out
}

fn built(layout: &Layout) -> (AccessText, Tree) {
    let mut access = AccessText::new(RUNS);
    let tree = tree(|update, field| access.build(layout, (0.0, 0.0), update, field));
    (access, tree)
}

/// Every grapheme boundary after `from`, by shrift's Forward movement.
fn shrift_forward(layout: &Layout) -> Vec<usize> {
    let mut out = Vec::new();
    let (mut c, mut goal) = (Cursor::new(0), None);
    loop {
        let next = layout.move_cursor(c, Movement::Forward, &mut goal);
        if next.offset == c.offset {
            return out;
        }
        out.push(next.offset);
        c = next;
    }
}

#[test]
fn the_tree_holds_the_text_and_steps_by_character_as_shrift_does() {
    for (text, layout) in layouts() {
        let (_, tree) = built(&layout);
        let field = field(&tree);
        assert_eq!(field.document_range().text(), text);
        let mut visited = Vec::new();
        let mut pos = field.document_start();
        while !pos.is_document_end() {
            pos = pos.forward_to_character_end();
            visited.push(byte_offset(&text, &pos));
        }
        // shrift's steps, and where a line starts inside a grapheme (UAX #14 lets a line break
        // between a space and a joiner after it): AccessKit's characters belong to one line
        // each, so the cluster is two characters there.
        let mut expected = shrift_forward(&layout);
        expected.extend(layout.lines()[1..].iter().map(|l| l.range().start));
        expected.sort_unstable();
        expected.dedup();
        assert_eq!(visited, expected, "{text:?} at {}", layout.width());
    }
}

#[test]
fn words_and_lines_are_shrifts() {
    for (text, layout) in layouts() {
        let (_, tree) = built(&layout);
        let field = field(&tree);
        // Back by words from the end: the starts shrift's WordBackward visits.
        let mut visited = Vec::new();
        let mut pos = field.document_end();
        while !pos.is_document_start() {
            pos = pos.backward_to_word_start();
            visited.push(byte_offset(&text, &pos));
        }
        let mut expected = Vec::new();
        let (mut c, mut goal) = (Cursor::new(text.len()), None);
        while c.offset > 0 {
            c = layout.move_cursor(c, Movement::WordBackward, &mut goal);
            expected.push(c.offset);
        }
        assert_eq!(visited, expected, "words of {text:?} at {}", layout.width());
        // Forward by lines: each line's start, and each line's text as shrift broke it.
        let starts: Vec<usize> = layout.lines()[1..].iter().map(|l| l.range().start).collect();
        let mut visited = Vec::new();
        let mut pos = field.document_start();
        loop {
            let next = pos.forward_to_line_start();
            if next.is_document_end() {
                break;
            }
            visited.push(byte_offset(&text, &next));
            pos = next;
        }
        assert_eq!(visited, starts, "line starts of {text:?} at {}", layout.width());
        for (i, line) in layout.lines().iter().enumerate() {
            let range = field.line_range_from_index(i).expect("a line");
            assert_eq!(range.text(), &text[line.range()], "line {i} of {text:?}");
        }
    }
}

#[test]
fn a_point_inside_a_character_is_that_character() {
    let mut checked = 0;
    for (text, layout) in layouts() {
        let (_, tree) = built(&layout);
        let field = field(&tree);
        for line in layout.lines() {
            let y = line.top() + line.height() / 2.0;
            let bounds: Vec<usize> = std::iter::once(line.range().start)
                .chain(shrift_forward(&layout))
                .filter(|&b| line.range().contains(&b) || b == line.range().end)
                .collect();
            for g in bounds.windows(2) {
                let rects = layout.selection_rects(g[0]..g[1]);
                let [rect] = rects.as_slice() else { continue };
                if rect.width < 1.0 || text[g[0]..g[1]].trim().is_empty() {
                    continue;
                }
                checked += 1;
                let mut shrift_hits = Vec::new();
                for f in [0.25f32, 0.75] {
                    let x = rect.x + f * rect.width;
                    let pos = field.text_position_at_point(accesskit::Point::new(f64::from(x), f64::from(y)));
                    assert_eq!(
                        byte_offset(&text, &pos),
                        g[0],
                        "{:?} at {x} in {text:?} at {}",
                        &text[g[0]..g[1]],
                        layout.width()
                    );
                    shrift_hits.push(layout.hit_test(x, y).offset);
                }
                // shrift's hit test goes to the nearer edge: the start on one side, the end on
                // the other (so the character's box is the same one in both trees). Not asked of
                // a cluster holding a joiner or a bidi control, whose zero-width cell can stand
                // apart from the rest.
                let format = |c: char| matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
                if !text[g[0]..g[1]].chars().any(format) {
                    shrift_hits.sort_unstable();
                    assert_eq!(shrift_hits, [g[0], g[1]], "{:?} in {text:?}", &text[g[0]..g[1]]);
                }
            }
        }
    }
    // Every visible character of the texts but those a selection splits (none expected).
    assert!(checked > 2000, "{checked} characters checked");
}

#[test]
fn selections_round_trip() {
    for (text, layout) in layouts().into_iter().step_by(2) {
        let bounds: Vec<usize> = std::iter::once(0).chain(shrift_forward(&layout)).collect();
        let n = bounds.len();
        for (a, f) in [
            (0, n - 1),
            (n - 1, 0),
            (n / 3, 2 * n / 3),
            (2 * n / 3, n / 5),
            (n / 2, n / 2),
        ] {
            let (anchor, focus) = (bounds[a], bounds[f]);
            let mut access = AccessText::new(RUNS);
            let tree = tree(|update, field| {
                access.build(&layout, (0.0, 0.0), update, field);
                let selection = access
                    .to_selection(anchor, Cursor::new(focus))
                    .expect("a selection");
                field.set_text_selection(selection);
            });
            let field = field(&tree);
            let range = field.text_selection().expect("the selection");
            assert_eq!(range.text(), &text[anchor.min(focus)..anchor.max(focus)]);
            let (got_anchor, got_focus) = (
                field.text_selection_anchor().expect("anchor"),
                field.text_selection_focus().expect("focus"),
            );
            assert_eq!(
                (byte_offset(&text, &got_anchor), byte_offset(&text, &got_focus)),
                (anchor, focus)
            );
            // And back: the consumer's selection to shrift's offsets.
            let back = access.from_selection(&range.to_text_selection());
            assert_eq!(back, Some((anchor.min(focus), anchor.max(focus))));
        }
    }
}

#[test]
fn the_editor_takes_a_screen_readers_selection_and_reports_its_own() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    let text: String = ARTICLE.lines().take(3).collect::<Vec<_>>().join("\n");
    let style = TextStyle::new("Noto Serif, Noto Serif Hebrew");
    let mut editor = Editor::new(&text, style, &book, &mut cx, LayoutOptions::new(320.0)).expect("editor");
    // Two chars into the headline to ten chars in (its letters are unpointed: each char a
    // grapheme).
    let at = |chars: usize| text.char_indices().nth(chars).map_or(text.len(), |(i, _)| i);
    let (anchor, focus) = (at(2), at(10));
    editor.set_selection(Selection {
        anchor,
        focus,
        affinity: Default::default(),
    });
    let mut access = AccessText::new(RUNS);
    let tree = tree(|update, field| editor.build_access(&mut access, (0.0, 0.0), update, field));
    let field = field(&tree);
    assert_eq!(field.document_range().text(), text);
    let shown = field.text_selection().expect("the editor's selection");
    assert_eq!(shown.text(), &text[anchor..focus]);
    // Paragraphs: forward by paragraph visits the starts after each newline.
    let newlines: Vec<usize> = text.match_indices('\n').map(|(i, _)| i + 1).collect();
    let mut visited = Vec::new();
    let mut pos = field.document_start();
    loop {
        pos = pos.forward_to_paragraph_start();
        if pos.is_document_end() {
            break;
        }
        visited.push(byte_offset(&text, &pos));
    }
    assert_eq!(visited, newlines);
    // A screen reader selects the second paragraph's first ten characters, by the consumer's
    // own positions.
    let start_chars = text[..newlines[0]].chars().count();
    let request = select_request(&field, start_chars, start_chars + 10);
    assert!(editor.handle_access_action(&access, &request));
    let from = newlines[0];
    let to = from + text[from..].chars().take(10).map(char::len_utf8).sum::<usize>();
    assert_eq!((editor.selection().anchor, editor.selection().focus), (from, to));
    // Other actions are not the editor's.
    let other = ActionRequest {
        action: Action::Focus,
        data: None,
        ..request
    };
    assert!(!editor.handle_access_action(&access, &other));
}

#[test]
fn with_a_viewport_the_tree_holds_the_laid_out_blocks_and_maps_back_to_the_document() {
    let book = FontBook::with_bundled_fonts();
    let mut cx = LayoutContext::new();
    // 600 paragraphs, the article's by turns (Yiddish and English).
    let paragraphs: Vec<&str> = ARTICLE.lines().filter(|l| !l.is_empty()).collect();
    let text = (0..600)
        .map(|k| paragraphs[k % paragraphs.len()])
        .collect::<Vec<_>>()
        .join("\n");
    let style = TextStyle::new("Noto Serif, Noto Serif Hebrew");
    let options = LayoutOptions::new(320.0);
    let view = Viewport::new(0.0, 400.0);
    let mut editor =
        Editor::open(&text, style, BaseDirection::Auto, &book, &mut cx, options, view).expect("editor");
    let middle = editor.layout().height() / 2.0;
    editor
        .set_viewport(&mut cx, Viewport::new(middle, 400.0))
        .expect("viewport");
    let laid = editor.layout().laid_blocks();
    assert!(laid.start > 100 && laid.len() < 60, "{laid:?}");
    // Paragraph k starts after the document's k-th newline; the tree holds the laid-out
    // paragraphs' text, newlines between them included.
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let (from, to) = (starts[laid.start], starts[laid.end]);
    let shown = &text[from..to];
    // The caret at the document's start lies outside the tree: no selection is reported (not
    // one at the first laid-out character).
    editor.set_selection(Selection::caret(0));
    let mut access = AccessText::new(RUNS);
    let outside = tree(|update, field| editor.build_access(&mut access, (0.0, 0.0), update, field));
    assert_eq!(field(&outside).document_range().text(), shown);
    assert!(field(&outside).text_selection().is_none());
    // A selection inside the laid-out text is reported as the same text.
    let at = |chars: usize| from + shown.char_indices().nth(chars).map_or(shown.len(), |(i, _)| i);
    let (anchor, focus) = (at(5), at(40));
    editor.set_selection(Selection {
        anchor,
        focus,
        affinity: Default::default(),
    });
    let inside = tree(|update, field| editor.build_access(&mut access, (0.0, 0.0), update, field));
    let inside_field = field(&inside);
    let reported = inside_field.text_selection().expect("the editor's selection");
    assert_eq!(reported.text(), &text[anchor..focus]);
    // A selection from the document's start into the laid-out text is shown from their start.
    editor.set_selection(Selection {
        anchor: 0,
        focus: at(20),
        affinity: Default::default(),
    });
    let reaching = tree(|update, field| editor.build_access(&mut access, (0.0, 0.0), update, field));
    let reaching_field = field(&reaching);
    let cut = reaching_field.text_selection().expect("the part in the tree");
    assert_eq!(cut.text(), &text[from..at(20)]);
    // A screen reader's selection, by the consumer's own char indices in the tree's text, lands
    // on the document's offsets.
    let request = select_request(&inside_field, 10, 30);
    assert!(editor.handle_access_action(&access, &request));
    assert_eq!(
        (editor.selection().anchor, editor.selection().focus),
        (at(10), at(30))
    );
}
