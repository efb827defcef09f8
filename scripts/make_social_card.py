"""Draws portal/static/portal/social-card.png (1200x630), the site's default social card.

Run once by hand when the brand changes: `.venv/bin/python scripts/make_social_card.py`; the PNG is
committed, so neither the site nor the tests need this script or its fonts.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

BRAND, ACCENT, WHITE = "#14532d", "#facc15", "#ffffff"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
REGULAR = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
OUT = Path(__file__).resolve().parent.parent / "portal" / "static" / "portal" / "social-card.png"


def main():
    card = Image.new("RGB", (1200, 630), BRAND)
    draw = ImageDraw.Draw(card)
    draw.rounded_rectangle((80, 80, 200, 200), radius=22, fill=ACCENT)
    draw.line([(110, 142), (132, 166), (172, 112)], fill=BRAND, width=16, joint="curve")
    draw.text((80, 260), "Second Chance", font=ImageFont.truetype(BOLD, 96), fill=WHITE)
    draw.text((80, 370), "Portal", font=ImageFont.truetype(BOLD, 96), fill=ACCENT)
    draw.text((80, 510), "Work and acceptance after prison", font=ImageFont.truetype(REGULAR, 44), fill=WHITE)
    card.save(OUT, optimize=True)


if __name__ == "__main__":
    main()
