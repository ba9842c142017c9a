#!/usr/bin/env python3
"""Puts two renders side by side under a caption each (for docs/): the README's comparisons.

    python3 tools/side_by_side.py LEFT.png RIGHT.png OUT.png "left caption" "right caption"

Needs Pillow (`pip install pillow`). The captions are set in the bundled Noto Sans.
"""
import sys

from PIL import Image, ImageDraw, ImageFont


def main():
    left, right, out, left_caption, right_caption = sys.argv[1:6]
    a, b = Image.open(left).convert("RGB"), Image.open(right).convert("RGB")
    font = ImageFont.truetype("fonts/NotoSans-Regular.ttf", 13)
    gap, head = 24, 40
    w = a.width + gap + b.width
    h = head + max(a.height, b.height)
    page = Image.new("RGB", (w, h), "white")
    page.paste(a, (0, head))
    page.paste(b, (a.width + gap, head))
    draw = ImageDraw.Draw(page)
    for x, caption in ((8, left_caption), (a.width + gap + 8, right_caption)):
        for k, line in enumerate(caption.split("\\n")):
            draw.text((x, 4 + 16 * k), line, fill="black", font=font)
    draw.line([(a.width + gap // 2, head), (a.width + gap // 2, h)], fill=(200, 200, 200))
    page.save(out)
    print(f"wrote {out} ({w}x{h})")


if __name__ == "__main__":
    main()
