"""Demo pictures drawn with Pillow: calm abstract scenes, so no photograph of anyone is needed."""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFilter
from wagtail.images import models as wagtail_images

PALETTES = [
    ((20, 83, 45), (250, 204, 21), (236, 253, 245)),
    ((30, 58, 138), (253, 186, 116), (239, 246, 255)),
    ((124, 45, 18), (254, 215, 170), (255, 247, 237)),
    ((76, 29, 149), (167, 243, 208), (245, 243, 255)),
    ((15, 118, 110), (254, 240, 138), (240, 253, 250)),
    ((131, 24, 67), (186, 230, 253), (253, 242, 248)),
]


def demo_picture(seed, size=(1200, 800)):
    """JPEG bytes of a sunrise-like scene: sky gradient, sun, hills, a path going forward."""
    rng = random.Random(seed)  # nosec B311 # reproducible demo pictures, not a secret
    dark, warm, light = PALETTES[rng.randrange(len(PALETTES))]
    width, height = size
    image = Image.new("RGB", size, light)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        colour = tuple(int(light[i] * (1 - t) + warm[i] * t) for i in range(3))
        draw.line([(0, y), (width, y)], fill=colour)
    sun_x, sun_y, radius = rng.randint(200, width - 200), rng.randint(150, 350), rng.randint(70, 130)
    draw.ellipse([sun_x - radius, sun_y - radius, sun_x + radius, sun_y + radius], fill=warm)
    for layer in range(3):
        base = int(height * (0.55 + 0.13 * layer))
        shade = tuple(int(dark[i] * (0.6 + 0.2 * layer)) for i in range(3))
        points = [(0, height)]
        for x in range(0, width + 100, 100):
            points.append((x, base + rng.randint(-60, 40)))
        points.append((width, height))
        draw.polygon(points, fill=shade)
    draw.polygon(
        [
            (width * 0.45, height),
            (width * 0.55, height),
            (width * 0.51, height * 0.62),
            (width * 0.49, height * 0.62),
        ],
        fill=light,
    )
    image = image.filter(ImageFilter.SMOOTH)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def demo_image(title, seed):
    """The Wagtail image called `title`, drawn from `seed` the first time it is asked for."""
    image = wagtail_images.Image.objects.filter(title=title).first()
    if image is None:
        image = wagtail_images.Image(title=title)
        image.file = ImageFile(io.BytesIO(demo_picture(seed)), name=f"{seed}.jpg")
        image.save()
    return image
