#!/usr/bin/env python3
"""Writes the tile requests of a realistic viewport walk over Soignies and Braine-le-Comte.

A person opens the map on both towns (z10-z11), zooms into one town centre step by step
to street level (z18), pans along streets at z14-z17, zooms out, crosses to the other
town and does the same, twice. Each viewport is 1280 x 800 pixels and asks for the
256-pixel tiles that cover it at its zoom, nearest the centre first.

Usage: walk.py [--layers L] [--query Q] > walk.txt   (one path per line, in order)
Deterministic: the same file every time.
"""
import argparse
import math
import random

SOIGNIES = (4.0716, 50.5795)
BRAINE = (4.1370, 50.6075)
BOTH = (4.1040, 50.5935)
W, H = 1280, 800


def tile_xy(lon, lat, z):
    n = 2 ** z
    x = (lon + 180.0) / 360.0 * n
    y = (1.0 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2.0 * n
    return x, y


def viewport_tiles(lon, lat, z):
    cx, cy = tile_xy(lon, lat, z)
    hw, hh = W / 2 / 256, H / 2 / 256
    tiles = []
    for y in range(math.floor(cy - hh), math.floor(cy + hh) + 1):
        for x in range(math.floor(cx - hw), math.floor(cx + hw) + 1):
            tiles.append((z, x, y))
    # centre first, as map clients ask
    tiles.sort(key=lambda t: (t[1] + 0.5 - cx) ** 2 + (t[2] + 0.5 - cy) ** 2)
    return tiles


def metres_to_degrees(dx, dy, lat):
    return dx / (111320 * math.cos(math.radians(lat))), dy / 110540


def visit(rng, centre, views):
    lon, lat = centre
    for z in range(11, 19):  # zoom in on the centre
        views.append((lon, lat, z))
    for z in (17, 16, 15, 14):  # pan along streets while zooming out
        for _ in range(6):
            span = 156543 * math.cos(math.radians(lat)) / 2 ** z * 256 * 2
            dlon, dlat = metres_to_degrees(rng.uniform(-span, span), rng.uniform(-span, span), lat)
            lon, lat = lon + dlon, lat + dlat
            views.append((lon, lat, z))
    for z in (13, 12, 11):
        views.append((lon, lat, z))


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--layers', default='communes,works,diversions,parking_bans,events,occupations,reports')
    p.add_argument('--query', default='')
    a = p.parse_args()
    rng = random.Random(42)
    views = [(BOTH[0], BOTH[1], 10)]
    for _ in range(2):
        visit(rng, SOIGNIES, views)
        views.append((BOTH[0], BOTH[1], 10))
        visit(rng, BRAINE, views)
    q = f'?{a.query}' if a.query else ''
    for lon, lat, z in views:
        for z_, x, y in viewport_tiles(lon, lat, z):
            print(f'/tiles/{a.layers}/{z_}/{x}/{y}.mvt{q}')


if __name__ == '__main__':
    main()
