"""A font that can draw the Chinese of a chart, found on this system (for PNG: an SVG keeps its
text as text, which the viewer's fonts draw).

Matplotlib keeps a cache of the system's fonts, built when it first ran: a font installed since
(Debian's fonts-noto-cjk, say) is missing from it. So the font files on the system are looked at
too, and those the cache lacks are added. A font is chosen only if it has a glyph for every
character to draw; without one, NoFont: drawing boxes instead of words is never an option.
"""

from __future__ import annotations

from functools import cache

from matplotlib import font_manager
from matplotlib.ft2font import FT2Font

# Families in order of preference: simplified Chinese sans-serif first.
PREFERRED = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "SimHei",
    "Droid Sans Fallback",
    "Noto Sans CJK JP",
    "Noto Sans CJK TC",
    "Noto Serif CJK SC",
)
LATIN = "DejaVu Sans"  # Matplotlib's own: always there


def needs_cjk(texts: list[str]) -> bool:
    return any(ord(ch) > 0x2E7F for text in texts for ch in text)


def _covers(path: str, chars: str) -> bool:
    try:
        font = FT2Font(path)
    except (OSError, RuntimeError, ValueError):
        return False
    return all(font.get_char_index(ord(ch)) for ch in chars)


@cache
def _system_fonts_added() -> None:
    known = {entry.fname for entry in font_manager.fontManager.ttflist}
    for path in font_manager.findSystemFonts():
        if path not in known:
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):
                continue


def _rank(name: str) -> tuple[int, str]:
    if name in PREFERRED:
        return PREFERRED.index(name), name
    return len(PREFERRED) + ("Serif" in name or "Ming" in name), name


def cjk_family(texts: list[str]) -> str | None:
    """The family of an installed font with a glyph for every non-Latin character of texts, or
    None where there is none (None too where nothing needs one)."""
    chars = "".join(sorted({ch for text in texts for ch in text if ord(ch) > 0x2E7F}))
    if not chars:
        return None
    _system_fonts_added()
    entries = sorted(font_manager.fontManager.ttflist, key=lambda e: _rank(e.name))
    seen: set[str] = set()
    for entry in entries:
        if entry.fname in seen:
            continue
        seen.add(entry.fname)
        if _covers(entry.fname, chars):
            return str(entry.name)
    return None
