"""Generate ``signatories/data/outlines.py``: every country's outline as SVG path data.

The shapes come from Natural Earth (public domain) through the npm package `world-atlas`
(TopoJSON, pinned below), so no border is drawn by hand. The script installs the package
into a temporary directory with npm, decodes the TopoJSON arcs, projects them with the
Equal Earth projection (equal-area, so no country looks bigger than it is), simplifies each
shared arc once (so neighbours keep a common border) and rounds to whole units of a
1000-unit-wide picture. Natural Earth's ids are ISO 3166 numeric codes; django-countries
turns them into alpha-2.

Countries too small to see at this scale (or absent from the 1:110m shapes, such as Monaco
or Singapore) also get a marker at the centroid of their largest 1:10m polygon.

    .venv/bin/python scripts/generate_world_map.py            # needs node and npm
    .venv/bin/python scripts/generate_world_map.py --atlas DIR  # an unpacked world-atlas
"""

import argparse
import json
import math
import subprocess
import tempfile
from pathlib import Path

import django
from django.conf import settings

ATLAS = "world-atlas@2.0.2"
TARGET = Path(__file__).resolve().parent.parent / "signatories" / "data" / "outlines.py"
WIDTH = 1000
# Douglas–Peucker tolerance, in map units: below what a reader can see on a 1280 px screen.
TOLERANCE = 0.6
# Room around the land, in map units.
MARGIN = 6
# A country whose outline covers less than this (square map units) also gets a marker.
SMALL_AREA = 12.0
# Natural Earth's Antarctica says nothing about supporters and would take a fifth of the map.
LEFT_OUT = {"010"}

# Equal Earth (Šavrič, Patterson & Jenny, 2018).
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2
EXTENT_X = 2.7066297319215575  # x at longitude 180°, latitude 0°


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    slope = 9 * A4 * t6 * t2 + 7 * A3 * t6 + 3 * A2 * t2 + A1
    x = 2 * math.sqrt(3) * lam * math.cos(theta) / (3 * slope)
    y = theta * (A4 * t6 * t2 + A3 * t6 + A2 * t2 + A1)
    scale = WIDTH / (2 * EXTENT_X)
    return (x + EXTENT_X) * scale, -y * scale


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs as lists of projected points."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append([equal_earth(lon, lat) for lon, lat in one_side(points)])
    return arcs


def one_side(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """An arc that crosses the 180th meridian (Fiji, Chukotka), kept on its main side.

    The few points beyond the meridian move onto it, as a map without clipping must draw it.
    """
    if all(abs(a[0] - b[0]) < 180 for a, b in zip(points, points[1:], strict=False)):
        return points
    side = 1 if sum(lon > 0 for lon, _ in points) * 2 >= len(points) else -1
    return [(lon if lon * side >= 0 else 180.0 * side, lat) for lon, lat in points]


def simplify(points: list, tolerance: float) -> list:
    """Douglas–Peucker, keeping both ends (where arcs meet)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = math.hypot(x2 - x1, y2 - y1)
        farthest, index = 0.0, None
        for i in range(first + 1, last):
            x0, y0 = points[i]
            # A closed arc (an island) starts and ends at one point: measure from it.
            distance = (
                abs((x2 - x1) * (y1 - y0) - (x1 - x0) * (y2 - y1)) / length
                if length
                else math.hypot(x0 - x1, y0 - y1)
            )
            if distance > farthest:
                farthest, index = distance, i
        if index is not None and farthest > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def ring_points(ring: list[int], arcs: list) -> list[tuple[float, float]]:
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def polygons(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def area_and_centroid(points: list) -> tuple[float, tuple[float, float]]:
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if not area:
        return 0.0, points[0]
    return abs(area) / 2, (cx / (3 * area), cy / (3 * area))


def path_data(rings: list[list[tuple[int, int]]]) -> str:
    """Compact SVG path data: an absolute move, then relative lines, for each ring."""
    parts = []
    for ring in rings:
        (x0, y0), rest = ring[0], ring[1:]
        deltas = []
        px, py = x0, y0
        for x, y in rest:
            deltas.append(f"{x - px} {y - py}")
            px, py = x, y
        parts.append(f"M{x0} {y0}l" + " ".join(deltas).replace(" -", "-") + "z")
    return "".join(parts)


def rounded_ring(points: list, origin_y: float) -> list[tuple[int, int]]:
    ring = []
    for x, y in points:
        point = (round(x), round(y - origin_y))
        if not ring or ring[-1] != point:
            ring.append(point)
    if len(ring) > 1 and ring[0] == ring[-1]:
        ring.pop()
    return ring


def countries_of(topology: dict, alpha2) -> dict[str | None, list[dict]]:
    found: dict[str | None, list[dict]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("id") in LEFT_OUT:
            continue
        code = alpha2(int(geometry["id"])) if geometry.get("id") else None
        found.setdefault(code or None, []).append(geometry)
    return found


def markers_from(topology: dict, alpha2) -> dict[str, tuple[float, float]]:
    """Each country's largest polygon's centroid, and its total area, at this scale."""
    arcs = decode_arcs(topology)
    result = {}
    for code, geometries in countries_of(topology, alpha2).items():
        if code is None:
            continue
        pieces = [
            area_and_centroid(ring_points(polygon[0], arcs))
            for geometry in geometries
            for polygon in polygons(geometry)
        ]
        if pieces:
            result[code] = (max(pieces)[1], sum(area for area, _ in pieces))
    return result


def frame(shapes: dict, arcs: list, detail: dict) -> tuple[float, float]:
    """The top of the picture and its height: every outline and marker, with a margin."""
    used = [
        point
        for geometries in shapes.values()
        for geometry in geometries
        for polygon in polygons(geometry)
        for ring in polygon
        for point in ring_points(ring, arcs)
    ] + [point for point, _area in detail.values()]
    top = min(y for _, y in used) - MARGIN
    return top, max(y for _, y in used) - top + MARGIN


def load(atlas: Path, name: str) -> dict:
    return json.loads((atlas / name).read_text(encoding="utf-8"))


def build(atlas: Path) -> str:
    settings.configure(INSTALLED_APPS=["django_countries"], USE_I18N=False)
    django.setup()
    from django_countries import countries

    coarse, fine = load(atlas, "countries-110m.json"), load(atlas, "countries-10m.json")
    arcs = [simplify(arc, TOLERANCE) for arc in decode_arcs(coarse)]
    shapes = countries_of(coarse, countries.alpha2)
    detail = markers_from(fine, countries.alpha2)
    top, bottom = frame(shapes, arcs, detail)

    paths, areas = {}, {}
    for code, geometries in shapes.items():
        rings = [
            ring
            for geometry in geometries
            for polygon in polygons(geometry)
            for ring in [rounded_ring(ring_points(r, arcs), top) for r in polygon]
            if len(ring) >= 3
        ]
        areas[code] = sum(
            area_and_centroid(ring_points(polygon[0], arcs))[0]
            for geometry in geometries
            for polygon in polygons(geometry)
        )
        if rings:
            paths[code] = path_data(rings)
    uncoded = paths.pop(None, "")
    markers = {
        code: (round(x, 1), round(y - top, 1))
        for code, ((x, y), _area) in sorted(detail.items())
        if code not in paths or areas.get(code, 0) < SMALL_AREA
    }
    return render(paths, markers, uncoded, round(bottom))


HEADER = '''# ruff: noqa: E501
"""Every country's outline, projected for the world map (Equal Earth).

Generated by scripts/generate_world_map.py from Natural Earth (public domain) through the
`world-atlas` package; do not edit. Coordinates are in a {width} × {height} picture.
"""

VIEWBOX = "0 0 {width} {height}"

# ISO 3166 alpha-2 code → SVG path data (1:110m, simplified).
SHAPES = {{
'''


def render(paths: dict, markers: dict, uncoded: str, height: int) -> str:
    lines = [HEADER.format(width=WIDTH, height=height)]
    lines += [
        f"    {json.dumps(code)}: {json.dumps(path)},\n" for code, path in sorted(paths.items())
    ]
    lines.append(
        "}\n\n# Countries too small to see (or absent) at this scale: a point for a marker,\n"
        "# the centroid of the largest polygon at 1:10m.\nMARKERS = {\n"
    )
    lines += [f"    {json.dumps(code)}: ({x}, {y}),\n" for code, (x, y) in markers.items()]
    lines.append(
        "}\n\n# Land with no ISO code of its own in Natural Earth (Kosovo, Northern Cyprus,\n"
        f"# Somaliland): drawn, but not a link.\nUNCODED_LAND = (\n    {json.dumps(uncoded)}\n)\n"
    )
    return "".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--atlas", type=Path, help="an unpacked world-atlas package")
    arguments = parser.parse_args()
    if arguments.atlas:
        TARGET.write_text(build(arguments.atlas), encoding="utf-8")
    else:
        with tempfile.TemporaryDirectory() as directory:
            subprocess.run(
                ["npm", "install", "--prefix", directory, "--no-audit", "--no-fund", ATLAS],
                check=True,
            )
            TARGET.write_text(
                build(Path(directory) / "node_modules" / "world-atlas"), encoding="utf-8"
            )
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
