"""Country outlines for the map's background, cut from Natural Earth's TopoJSON (world-atlas).

Run once when the data changes (`manage.py build_map_outlines`); the result is a static file,
so the map needs no tile server to show where it is.
"""

import json
from pathlib import Path

# The portal's countries and their neighbours, by ISO 3166 numeric code as world-atlas ids them;
# Kosovo has no such code there and is named instead.
COUNTRY_IDS = frozenset(
    {
        "008",  # Albania
        "040",  # Austria
        "070",  # Bosnia and Herzegovina
        "100",  # Bulgaria
        "112",  # Belarus
        "191",  # Croatia
        "196",  # Cyprus
        "203",  # Czechia
        "276",  # Germany
        "300",  # Greece
        "348",  # Hungary
        "440",  # Lithuania
        "498",  # Moldova
        "499",  # Montenegro
        "616",  # Poland
        "642",  # Romania
        "688",  # Serbia
        "703",  # Slovakia
        "705",  # Slovenia
        "792",  # Turkey
        "804",  # Ukraine
        "807",  # North Macedonia
    }
)
COUNTRY_NAMES = frozenset({"Kosovo"})
DECIMALS = 3  # about 100 m: finer than a 1:50m outline is drawn


def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute coordinates of every arc: delta-decoded and unquantised."""
    (scale_x, scale_y), (shift_x, shift_y) = topology["transform"].values()
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append(
                (round(x * scale_x + shift_x, DECIMALS), round(y * scale_y + shift_y, DECIMALS))
            )
        arcs.append(points)
    return arcs


def _ring(arc_indexes: list[int], arcs: list) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in arc_indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # Consecutive arcs share their joining point.
        points.extend(arc[1:] if points else arc)
    return points


def _geometry(geometry: dict, arcs: list) -> dict:
    if geometry["type"] == "Polygon":
        rings = [_ring(ring, arcs) for ring in geometry["arcs"]]
        return {"type": "Polygon", "coordinates": rings}
    polygons = [[_ring(ring, arcs) for ring in polygon] for polygon in geometry["arcs"]]
    return {"type": "MultiPolygon", "coordinates": polygons}


def countries_geojson(topology: dict) -> dict:
    """The selected countries of a world-atlas topology as a GeoJSON FeatureCollection."""
    arcs = _decode_arcs(topology)
    features = [
        {
            "type": "Feature",
            "properties": {"name": geometry["properties"]["name"]},
            "geometry": _geometry(geometry, arcs),
        }
        for geometry in topology["objects"]["countries"]["geometries"]
        if geometry.get("id") in COUNTRY_IDS or geometry["properties"]["name"] in COUNTRY_NAMES
    ]
    return {"type": "FeatureCollection", "features": features}


def write_countries(source: Path, target: Path) -> int:
    """Write the outlines cut from `source` (countries-50m.json) to `target`; return its size."""
    topology = json.loads(source.read_text(encoding="utf-8"))
    text = json.dumps(countries_geojson(topology), separators=(",", ":"))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return len(text)
