"""A rating on a scale of 1 to 5 ("How confident are you …?"), its meaning in the label or the help:
five radio buttons on the web, five boxes to tick one of on paper; its answer reads "4 of 5"."""

from __future__ import annotations

from dataclasses import dataclass

from .kind import FieldKind

POINTS = (1, 2, 3, 4, 5)
"""The points, lowest first (the browser adapter, cg/kinds/scale.js, writes "of" the last)."""


@dataclass(frozen=True)
class Scale(FieldKind):
    points: tuple[int, ...] = POINTS


KIND = Scale("scale", "scale")
