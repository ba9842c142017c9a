//! The Noto faces embedded by the `bundled-fonts` feature (OFL 1.1, see `fonts/OFL.txt`).

/// File name and bytes of each bundled face.
pub(crate) const FONTS: [(&str, &[u8]); 8] = [
    (
        "NotoSans-Regular.ttf",
        include_bytes!("../../fonts/NotoSans-Regular.ttf"),
    ),
    (
        "NotoSans-Bold.ttf",
        include_bytes!("../../fonts/NotoSans-Bold.ttf"),
    ),
    (
        "NotoSansHebrew-Regular.ttf",
        include_bytes!("../../fonts/NotoSansHebrew-Regular.ttf"),
    ),
    (
        "NotoSansHebrew-Bold.ttf",
        include_bytes!("../../fonts/NotoSansHebrew-Bold.ttf"),
    ),
    (
        "NotoSerif-Regular.ttf",
        include_bytes!("../../fonts/NotoSerif-Regular.ttf"),
    ),
    (
        "NotoSerif-Bold.ttf",
        include_bytes!("../../fonts/NotoSerif-Bold.ttf"),
    ),
    (
        "NotoSerifHebrew-Regular.ttf",
        include_bytes!("../../fonts/NotoSerifHebrew-Regular.ttf"),
    ),
    (
        "NotoSerifHebrew-Bold.ttf",
        include_bytes!("../../fonts/NotoSerifHebrew-Bold.ttf"),
    ),
];
