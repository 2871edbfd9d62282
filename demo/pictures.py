"""
Illustrations for the demo, drawn with Pillow: skylines, maps, charts, portrait
silhouettes and landscapes, each in several palettes and compositions.

`draw(kind, variant)` always draws the same picture for the same arguments, so the
demo looks the same on every run; `describe(kind, variant)` is its alt text.
"""

import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter

KINDS = ("skyline", "map", "chart", "portrait", "landscape")
WIDTH, HEIGHT = 1600, 900

# (name, top of the sky, bottom of the sky, dark ground, light accent)
PALETTES = [
    ("dawn", (62, 72, 132), (246, 189, 150), (42, 40, 70), (255, 224, 168)),
    ("midday", (66, 136, 214), (192, 224, 248), (46, 88, 62), (255, 250, 222)),
    ("dusk", (44, 32, 84), (238, 122, 92), (30, 22, 42), (255, 202, 122)),
    ("night", (10, 16, 42), (44, 56, 98), (6, 8, 18), (255, 214, 118)),
    ("storm", (58, 68, 80), (152, 162, 172), (34, 40, 46), (232, 232, 212)),
    ("autumn", (118, 88, 70), (242, 202, 142), (72, 42, 30), (250, 172, 62)),
    ("teal", (28, 108, 112), (190, 234, 220), (18, 58, 60), (255, 240, 202)),
    ("rose", (118, 60, 108), (250, 202, 200), (60, 30, 60), (255, 232, 230)),
]
LANDSCAPE_SCENES = ("hills", "sea", "fields")
CHART_STYLES = ("bar", "line", "area")


def palette(kind, variant):
    # Step through the palettes so two variants of one kind never share one in a row.
    return PALETTES[(variant * 3 + KINDS.index(kind)) % len(PALETTES)]


def describe(kind, variant):
    """Alt text: what the drawing shows."""
    colours = palette(kind, variant)[0]
    with_article = f"an {colours}" if colours[0] in "aeiou" else f"a {colours}"
    if kind == "skyline":
        return f"Illustration of a city skyline against {with_article} sky"
    if kind == "map":
        return "Illustrated map of a coastline with a river, roads and a red marker"
    if kind == "chart":
        return f"Illustrated {CHART_STYLES[variant % 3]} chart of a rising and falling figure"
    if kind == "portrait":
        return (
            f"Illustration: the silhouette of a speaker before blurred lights in {colours} colours"
        )
    scene = LANDSCAPE_SCENES[variant % 3]
    return f"Illustration of {'the sea' if scene == 'sea' else scene} under {with_article} sky"


def draw(kind, variant):
    """JPEG bytes, width and height of picture `variant` of `kind`."""
    rng = random.Random(f"{kind}-{variant}")
    image = Image.new("RGB", (WIDTH, HEIGHT))
    colours = palette(kind, variant)
    DRAWERS[kind](ImageDraw.Draw(image), rng, variant, colours)
    if kind == "portrait":
        image = soften_background(image, rng, colours)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=78, optimize=True, progressive=True)
    return buffer.getvalue(), WIDTH, HEIGHT


def mix(first, second, amount):
    return tuple(int(a + (b - a) * amount) for a, b in zip(first, second, strict=True))


def gradient(draw, top, bottom, height=HEIGHT):
    for y in range(height):
        draw.line([(0, y), (WIDTH, y)], fill=mix(top, bottom, y / height))


def ridge(rng, base, roughness, step=100):
    """Points of a wavy line across the picture at height `base`."""
    return [(x, base + rng.randint(-roughness, roughness)) for x in range(0, WIDTH + step, step)]


def draw_skyline(draw, rng, variant, colours):
    _, top, bottom, dark, accent = colours
    gradient(draw, top, bottom)
    moon_x, moon_y, radius = (
        rng.randint(150, WIDTH - 150),
        rng.randint(80, 300),
        rng.randint(40, 90),
    )
    draw.ellipse([moon_x - radius, moon_y - radius, moon_x + radius, moon_y + radius], fill=accent)
    waterline = HEIGHT - rng.choice((0, 140, 200))
    lit = sum(top) < 300
    for layer in range(3):
        shade = mix(bottom, dark, 0.45 + layer * 0.27)
        x = rng.randint(-80, 0)
        while x < WIDTH:
            width = rng.randint(50, 150 - layer * 20)
            height = rng.randint(120, 330 + layer * 90) * (1.25 if rng.random() < 0.1 else 1)
            roof = waterline - int(height) + layer * 40
            draw.rectangle([x, roof, x + width, waterline], fill=shade)
            if rng.random() < 0.25:
                draw.polygon(
                    [(x, roof), (x + width // 2, roof - rng.randint(30, 90)), (x + width, roof)],
                    fill=shade,
                )
            if layer == 2 or (lit and layer == 1):
                window = mix(shade, accent, 0.85 if lit else 0.35)
                for wy in range(roof + 14, waterline - 20, 26):
                    for wx in range(x + 10, x + width - 16, 22):
                        if rng.random() < (0.45 if lit else 0.8):
                            draw.rectangle([wx, wy, wx + 9, wy + 13], fill=window)
            x += width + rng.randint(0, 24)
    if waterline < HEIGHT:
        water = mix(top, dark, 0.5)
        draw.rectangle([0, waterline, WIDTH, HEIGHT], fill=water)
        for y in range(waterline + 10, HEIGHT, 16):
            for _ in range(6):
                start = rng.randint(0, WIDTH)
                draw.line(
                    [(start, y), (start + rng.randint(40, 160), y)], fill=mix(water, accent, 0.3)
                )


MAP_COLOURS = [
    # (sea, land, higher ground, roads)
    ((164, 200, 222), (232, 228, 208), (208, 214, 180), (255, 255, 255)),
    ((120, 170, 196), (214, 224, 196), (184, 204, 160), (250, 240, 220)),
    ((190, 214, 226), (240, 234, 222), (226, 210, 186), (200, 196, 190)),
    ((70, 92, 120), (120, 136, 118), (150, 160, 128), (230, 220, 180)),
]


def blob(rng, centre_x, centre_y, radius, points=36):
    """An irregular closed outline, like an island or a lake."""
    outline = []
    wobble = [rng.uniform(0.7, 1.25) for _ in range(points)]
    for index in range(points):
        smooth = (wobble[index - 1] + wobble[index] * 2 + wobble[(index + 1) % points]) / 4
        angle = 2 * math.pi * index / points
        outline.append(
            (
                centre_x + radius * smooth * 1.5 * math.cos(angle),
                centre_y + radius * smooth * math.sin(angle),
            )
        )
    return outline


def draw_map(draw, rng, variant, colours):
    sea, land, high, road = MAP_COLOURS[variant % len(MAP_COLOURS)]
    draw.rectangle([0, 0, WIDTH, HEIGHT], fill=sea)
    for x in range(0, WIDTH, 160):
        draw.line([(x, 0), (x, HEIGHT)], fill=mix(sea, (255, 255, 255), 0.2))
    for y in range(0, HEIGHT, 160):
        draw.line([(0, y), (WIDTH, y)], fill=mix(sea, (255, 255, 255), 0.2))
    masses = [
        (rng.randint(300, WIDTH - 300), rng.randint(250, HEIGHT - 250), rng.randint(260, 380))
    ] + [
        (rng.randint(0, WIDTH), rng.randint(0, HEIGHT), rng.randint(60, 200))
        for _ in range(rng.randint(2, 5))
    ]
    for centre_x, centre_y, radius in masses:
        draw.polygon(blob(rng, centre_x, centre_y, radius), fill=land)
        draw.polygon(blob(rng, centre_x, centre_y, radius * 0.55), fill=high)
    main_x, main_y, main_radius = masses[0]
    # A river from the hills to the sea, and roads between towns.
    x, y = main_x, main_y
    river = [(x, y)]
    heading = rng.choice((-1, 1))
    for _ in range(14):
        x += heading * rng.randint(20, 60)
        y += rng.randint(-40, 50)
        river.append((x, y))
    draw.line(river, fill=sea, width=9, joint="curve")
    towns = [
        (main_x + rng.randint(-main_radius, main_radius), main_y + rng.randint(-180, 180))
        for _ in range(5)
    ]
    for first, second in zip(towns, towns[1:], strict=False):
        draw.line([first, second], fill=mix(road, (120, 120, 120), 0.2), width=8)
        draw.line([first, second], fill=road, width=4)
    for town_x, town_y in towns:
        draw.ellipse([town_x - 9, town_y - 9, town_x + 9, town_y + 9], fill=(70, 70, 80))
    # A dashed border across the land.
    border_x = main_x + rng.randint(-120, 120)
    for y in range(0, HEIGHT, 36):
        draw.line(
            [(border_x + (y % 72) // 6, y), (border_x + (y % 72) // 6, y + 18)],
            fill=(150, 90, 120),
            width=4,
        )
    pin_x, pin_y = towns[rng.randrange(len(towns))]
    draw.polygon(
        [(pin_x - 22, pin_y - 50), (pin_x + 22, pin_y - 50), (pin_x, pin_y)], fill=(204, 44, 44)
    )
    draw.ellipse([pin_x - 26, pin_y - 84, pin_x + 26, pin_y - 32], fill=(204, 44, 44))
    draw.ellipse([pin_x - 10, pin_y - 68, pin_x + 10, pin_y - 48], fill=(255, 255, 255))


def draw_chart(draw, rng, variant, colours):
    _, top, bottom, dark, accent = colours
    paper = mix(bottom, (255, 255, 255), 0.8)
    ink = mix(top, dark, 0.4)
    draw.rectangle([0, 0, WIDTH, HEIGHT], fill=paper)
    left, right, floor, ceiling = 140, WIDTH - 90, HEIGHT - 110, 90
    for y in range(floor, ceiling - 1, -(floor - ceiling) // 5):
        draw.line([(left, y), (right, y)], fill=mix(paper, ink, 0.18), width=2)
    count = rng.randint(8, 20)
    value, values = rng.uniform(0.3, 0.6), []
    trend = rng.uniform(-0.04, 0.05)
    for _ in range(count):
        value = min(0.95, max(0.08, value + trend + rng.uniform(-0.12, 0.12)))
        values.append(value)
    step = (right - left) / count
    points = [
        (left + step * (index + 0.5), floor - (floor - ceiling) * value)
        for index, value in enumerate(values)
    ]
    style = CHART_STYLES[variant % 3]
    if style == "bar":
        for index, (x, y) in enumerate(points):
            fill = top if index != count - 1 else mix(accent, (200, 60, 40), 0.5)
            draw.rectangle([x - step * 0.35, y, x + step * 0.35, floor], fill=fill)
    else:
        if style == "area":
            draw.polygon(
                [(points[0][0], floor), *points, (points[-1][0], floor)], fill=mix(paper, top, 0.45)
            )
        echo = [(x, min(floor, y + rng.randint(30, 120))) for x, y in points]
        draw.line(echo, fill=mix(paper, ink, 0.35), width=4, joint="curve")
        draw.line(points, fill=top, width=9, joint="curve")
        last_x, last_y = points[-1]
        draw.ellipse(
            [last_x - 16, last_y - 16, last_x + 16, last_y + 16],
            fill=mix(accent, (200, 60, 40), 0.5),
        )
    draw.line([(left, floor), (right, floor)], fill=ink, width=4)
    draw.line([(left, floor), (left, ceiling - 20)], fill=ink, width=4)
    for index in range(count):
        x = left + step * (index + 0.5)
        draw.line([(x, floor), (x, floor + 14)], fill=ink, width=3)


def draw_portrait(draw, rng, variant, colours):
    _, top, bottom, dark, accent = colours
    gradient(draw, mix(top, bottom, 0.3), bottom)
    # Out-of-focus lights behind the speaker; soften_background() blurs them.
    for _ in range(rng.randint(14, 30)):
        x, y, radius = rng.randint(0, WIDTH), rng.randint(0, HEIGHT), rng.randint(30, 110)
        draw.ellipse(
            [x - radius, y - radius, x + radius, y + radius],
            fill=mix(bottom, accent, rng.uniform(0.3, 0.9)),
        )


def soften_background(image, rng, colours):
    """Blur the background, then draw the speaker's silhouette sharp in front of it."""
    _, top, bottom, dark, accent = colours
    image = image.filter(ImageFilter.GaussianBlur(24))
    draw = ImageDraw.Draw(image)
    centre = rng.choice((WIDTH * 0.32, WIDTH * 0.5, WIDTH * 0.68)) + rng.randint(-60, 60)
    head_width, head_height = rng.randint(190, 230), rng.randint(240, 280)
    head_top = rng.randint(160, 240)
    figure = mix(dark, top, 0.15)
    shoulders_top = head_top + head_height + 40
    draw.rounded_rectangle(
        [centre - 330, shoulders_top, centre + 330, HEIGHT + 200], radius=170, fill=figure
    )
    draw.rectangle(
        [centre - 60, head_top + head_height - 40, centre + 60, shoulders_top + 60], fill=figure
    )
    draw.ellipse(
        [centre - head_width / 2, head_top, centre + head_width / 2, head_top + head_height],
        fill=figure,
    )
    if rng.random() < 0.5:
        # A microphone on a stand in front of the speaker.
        stand_x = centre + rng.choice((-1, 1)) * rng.randint(120, 200)
        draw.line(
            [(stand_x, HEIGHT), (stand_x, shoulders_top - 20)],
            fill=mix(figure, accent, 0.2),
            width=10,
        )
        draw.rounded_rectangle(
            [stand_x - 22, shoulders_top - 90, stand_x + 22, shoulders_top - 10],
            radius=20,
            fill=(40, 40, 44),
        )
    return image


def draw_landscape(draw, rng, variant, colours):
    _, top, bottom, dark, accent = colours
    scene = LANDSCAPE_SCENES[variant % 3]
    horizon = rng.randint(int(HEIGHT * 0.42), int(HEIGHT * 0.62))
    gradient(draw, top, bottom, horizon + 200)
    sun_x, radius = rng.randint(200, WIDTH - 200), rng.randint(50, 120)
    sun_y = rng.randint(100, horizon - 60)
    draw.ellipse([sun_x - radius, sun_y - radius, sun_x + radius, sun_y + radius], fill=accent)
    if scene == "sea":
        water = mix(top, dark, 0.35)
        draw.rectangle([0, horizon, WIDTH, HEIGHT], fill=water)
        for y in range(horizon + 8, HEIGHT, 18):
            spread = (y - horizon) / (HEIGHT - horizon)
            for _ in range(8):
                start = rng.randint(-100, WIDTH)
                draw.arc(
                    [start, y, start + 60 + int(200 * spread), y + 10 + int(20 * spread)],
                    180,
                    360,
                    fill=mix(water, accent, 0.25 + 0.3 * spread),
                    width=3,
                )
        headland = [(0, horizon)] + ridge(rng, horizon - 60, 40)[: rng.randint(3, 7)]
        headland += [(headland[-1][0] + 120, horizon)]
        draw.polygon(headland, fill=dark)
        return
    layers = rng.randint(3, 5)
    for layer in range(layers):
        base = horizon + layer * (HEIGHT - horizon) // layers
        shade = mix(mix(bottom, dark, 0.5), dark, layer / layers)
        points = [(0, HEIGHT), *ridge(rng, base, 60 - layer * 8), (WIDTH, HEIGHT)]
        draw.polygon(points, fill=shade)
    if scene == "fields":
        vanishing = (rng.randint(300, WIDTH - 300), horizon)
        for x in range(-WIDTH, WIDTH * 2, 110):
            draw.line([vanishing, (x, HEIGHT)], fill=mix(dark, accent, 0.25), width=4)


DRAWERS = {
    "skyline": draw_skyline,
    "map": draw_map,
    "chart": draw_chart,
    "portrait": draw_portrait,
    "landscape": draw_landscape,
}
