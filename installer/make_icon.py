"""Draw the application icon: resources/icons/de06desk.png (256 px) and de06desk.ico.

The icon is generated, not drawn by hand, so anyone can change it and re-run:

    .venv/bin/python installer/make_icon.py

It needs Pillow (installed with reportlab) and the bundled Liberation Serif Bold font.
Design: a red rounded square (the colour of official documents' seals) holding a white
citizen-ID card with a gold chip, and "06" for Đề án 06 — legible down to 16 px.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "LiberationSerif-Bold.ttf"
ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]

RED = (198, 40, 40, 255)
WHITE = (255, 255, 255, 255)
GOLD = (249, 194, 46, 255)
INK = (183, 28, 28, 255)


def draw(size: int = 1024) -> Image.Image:
    """The icon at `size` pixels (drawn large, scaled down for smooth edges)."""
    s = size / 256
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((8 * s, 8 * s, 248 * s, 248 * s), radius=44 * s, fill=RED)
    # The ID card.
    d.rounded_rectangle((30 * s, 58 * s, 226 * s, 198 * s), radius=16 * s, fill=WHITE)
    # Its chip.
    d.rounded_rectangle((46 * s, 96 * s, 96 * s, 138 * s), radius=7 * s, fill=GOLD)
    for y in (110, 124):
        d.line((46 * s, y * s, 96 * s, y * s), fill=(200, 150, 20, 255), width=max(1, int(3 * s)))
    d.line((71 * s, 96 * s, 71 * s, 138 * s), fill=(200, 150, 20, 255), width=max(1, int(3 * s)))
    # "06".
    font = ImageFont.truetype(str(FONT), int(104 * s))
    d.text((164 * s, 128 * s), "06", font=font, fill=INK, anchor="mm")
    return img


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    big = draw()
    png = big.resize((256, 256), Image.Resampling.LANCZOS)
    png.save(ICONS / "de06desk.png", optimize=True)
    png.save(ICONS / "de06desk.ico", sizes=[(n, n) for n in ICO_SIZES])
    for name in ("de06desk.png", "de06desk.ico"):
        path = ICONS / name
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
