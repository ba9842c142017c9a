"""HarfBuzz (uharfbuzz) for the dump checkers: a face found by file name below font folders, and
a run of a layout dump that carries its own "text" (an ellipsis, an added hyphen) shaped alone
in its face, size, direction, script and language. Shared by ellipsis_check.py and
hyphen_check.py."""
import os

import uharfbuzz as hb

_faces = {}


def face(dirs, name):
    """(hb.Font, units per em) of the font file `name` below one of `dirs` (joined by ':')."""
    if name not in _faces:
        for d in dirs.split(":"):
            for root, _, files in os.walk(d):
                if name in files:
                    f = hb.Face(hb.Blob.from_file_path(os.path.join(root, name)))
                    _faces[name] = (hb.Font(f), f.upem)
                    break
            if name in _faces:
                break
    return _faces[name]


def shape(dirs, run):
    """(glyph id, x advance in px) of each glyph HarfBuzz gives the run's "text"."""
    font, upem = face(dirs, run["font"])
    buf = hb.Buffer()
    buf.add_str(run["text"])
    buf.direction = run["direction"]
    buf.script = run["script"]
    if run.get("language"):
        buf.language = run["language"]
    hb.shape(font, buf, {})
    scale = run["size"] / upem
    return [(i.codepoint, p.x_advance * scale) for i, p in zip(buf.glyph_infos, buf.glyph_positions)]
