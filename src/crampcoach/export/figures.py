"""Simple inline SVG figures: a stick figure per exercise pose, and the ladder drawn as a ladder.

Drawn in code rather than shipped as image files so the handout stays one self-contained page
that prints the same from a browser and from WeasyPrint.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from crampcoach.plan.models import LadderPlan

Point = tuple[int, int]

INK = "#1f3b57"
PROP = "#8a99a8"
ACCENT = "#d9822b"


@dataclass(frozen=True)
class Pose:
    head: Point
    limbs: list[list[Point]]
    props: list[str] = field(default_factory=list)   # SVG elements drawn under the figure
    arrows: list[tuple[Point, Point]] = field(default_factory=list)


def _rect(x: int, y: int, w: int, h: int) -> str:
    return f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="3" fill="{PROP}" opacity="0.5"/>'


def _plate(x: int, y: int) -> str:
    return (f'<line x1="{x}" y1="{y - 12}" x2="{x}" y2="{y + 12}" stroke="{PROP}" stroke-width="3"/>'
            f'<circle cx="{x}" cy="{y}" r="9" fill="none" stroke="{INK}" stroke-width="3"/>')


BRIDGE = [[(32, 84), (76, 62), (100, 56), (106, 88)], [(34, 86), (64, 88)]]
ELEVATED = [[(34, 60), (80, 58), (108, 57), (112, 88)], [(34, 60), (48, 76)]]
BENCH = _rect(4, 62, 34, 26)

POSES: dict[str, Pose] = {
    "glute_bridge": Pose((20, 84), BRIDGE, arrows=[((76, 80), (76, 66))]),
    "shoulder_elevated_bridge": Pose((22, 54), ELEVATED, [BENCH], [((80, 80), (80, 62))]),
    "barbell_glute_bridge": Pose((20, 84), BRIDGE, [_plate(76, 52)]),
    "single_leg_bridge": Pose((20, 84), [*BRIDGE, [(76, 62), (128, 46)]]),
    "hip_thrust": Pose((22, 54), ELEVATED, [BENCH, _plate(80, 47)]),
    "single_leg_hip_thrust": Pose((22, 54), [*ELEVATED, [(80, 58), (130, 50)]], [BENCH]),
    "clam": Pose((20, 78), [[(30, 86), (80, 86), (104, 88), (84, 90)],
                             [(80, 84), (100, 66), (84, 86)], [(30, 86), (26, 76)]],
                 arrows=[((112, 84), (106, 66))]),
    "side_abduction": Pose((20, 78), [[(30, 86), (80, 86), (104, 88), (84, 90)],
                                      [(80, 84), (136, 64)], [(30, 86), (26, 76)]],
                           arrows=[((140, 82), (140, 62))]),
    "band_walk": Pose((80, 16), [[(80, 24), (80, 56)], [(80, 56), (70, 72), (64, 90)],
                                 [(80, 56), (92, 72), (98, 90)], [(80, 30), (68, 50)],
                                 [(80, 30), (92, 50)]],
                      [f'<path d="M68 50 L98 88 M92 50 L64 88" stroke="{ACCENT}" '
                       'stroke-width="2" fill="none"/>'],
                      [((112, 70), (140, 70))]),
    "quadruped_hip_extension": Pose((28, 56), [[(40, 62), (90, 62)], [(40, 62), (40, 90)],
                                               [(90, 62), (92, 90), (116, 90)],
                                               [(90, 62), (120, 60), (122, 38)]],
                                    arrows=[((132, 60), (132, 40))]),
    "bird_dog": Pose((28, 56), [[(40, 62), (90, 62)], [(40, 62), (40, 90)],
                                [(90, 62), (92, 90), (116, 90)], [(40, 62), (8, 56)],
                                [(90, 62), (144, 58)]]),
    "back_extension": Pose((60, 28), [[(68, 36), (100, 64)], [(100, 64), (138, 88)],
                                      [(72, 40), (80, 54)]],
                           [f'<line x1="92" y1="72" x2="112" y2="60" stroke="{PROP}" '
                            'stroke-width="7"/>', _rect(128, 86, 22, 6)],
                           [((52, 50), (60, 34))]),
    "romanian_deadlift": Pose((50, 38), [[(60, 44), (100, 52)], [(100, 52), (94, 72), (96, 90)],
                                         [(62, 46), (66, 72)]], [_plate(66, 76)],
                              [((112, 48), (124, 44))]),
    "hip_flexor_stretch": Pose((76, 16), [[(76, 24), (76, 58)], [(76, 58), (104, 60), (104, 90)],
                                          [(76, 58), (62, 90), (34, 88)], [(76, 30), (84, 52)]],
                               arrows=[((84, 74), (96, 74))]),
    "standing_hamstring_stretch": Pose((98, 24), [[(90, 30), (62, 54)], [(62, 54), (60, 90)],
                                                  [(62, 54), (114, 72)], [(90, 32), (92, 58)]],
                                       [_rect(100, 76, 30, 14)]),
    "seated_forward_bend": Pose((92, 54), [[(84, 60), (46, 84)], [(46, 86), (132, 86)],
                                           [(84, 62), (112, 80)]]),
    "foam_roll": Pose((36, 44), [[(40, 52), (58, 80)], [(58, 80), (124, 80)], [(42, 56), (22, 88)]],
                      [f'<circle cx="90" cy="86" r="6" fill="{ACCENT}" opacity="0.7"/>'],
                      [((74, 72), (104, 72))]),
    "knee_rom": Pose((50, 14), [[(50, 22), (50, 58)], [(50, 58), (86, 58), (120, 50)],
                                [(50, 30), (62, 48)]],
                     [_rect(34, 58, 30, 8), _rect(36, 66, 4, 24), _rect(58, 66, 4, 24),
                      f'<path d="M86 58 L86 88" stroke="{INK}" stroke-width="3" '
                      'stroke-dasharray="4 4"/>'],
                     [((100, 82), (118, 60))]),
    "warmup": Pose((80, 14), [[(80, 22), (76, 52)], [(76, 52), (92, 68), (86, 88)],
                              [(76, 52), (62, 70), (48, 76)], [(80, 28), (94, 42), (102, 34)],
                              [(80, 28), (66, 40), (60, 52)]],
                   arrows=[((20, 40), (44, 40)), ((20, 56), (40, 56))]),
}


def _polyline(points: list[Point]) -> str:
    coords = " ".join(f"{x},{y}" for x, y in points)
    return (f'<polyline points="{coords}" fill="none" stroke="{INK}" stroke-width="4" '
            'stroke-linecap="round" stroke-linejoin="round"/>')


def _arrow(start: Point, end: Point, tip: str) -> str:
    return (f'<line x1="{start[0]}" y1="{start[1]}" x2="{end[0]}" y2="{end[1]}" '
            f'stroke="{ACCENT}" stroke-width="2" marker-end="url(#{tip})"/>')


def exercise_svg(figure: str, title: str, uid: str) -> str:
    """The stick figure for a pose, with a floor line and motion arrows; `uid` keeps the
    arrow-head id unique when several figures share a page."""
    pose = POSES[figure]
    tip = f"tip-{uid}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 150 100" width="150" height="100" '
        f'role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<defs><marker id="{tip}" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5" '
        f'markerHeight="5" orient="auto"><path d="M0 0 L10 5 L0 10 z" fill="{ACCENT}"/></marker></defs>',
        f'<line x1="2" y1="92" x2="148" y2="92" stroke="{PROP}" stroke-width="2"/>',
        *pose.props,
        *(_polyline(limb) for limb in pose.limbs),
        f'<circle cx="{pose.head[0]}" cy="{pose.head[1]}" r="7" fill="{INK}"/>',
        *(_arrow(a, b, tip) for a, b in pose.arrows),
        "</svg>",
    ]
    return "".join(parts)


def ladder_svg(ladder: LadderPlan) -> str:
    """The progression drawn as a ladder: step 1 at the bottom, each rung labelled."""
    rung_gap, top, left = 44, 20, 20
    height = top + rung_gap * len(ladder.rungs) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 560 {height}" width="560" '
        f'height="{height}" role="img" aria-label="Glute bridge ladder">',
        "<title>Glute bridge ladder</title>",
        f'<line x1="{left}" y1="8" x2="{left}" y2="{height - 4}" stroke="{INK}" stroke-width="5"/>',
        f'<line x1="{left + 60}" y1="8" x2="{left + 60}" y2="{height - 4}" stroke="{INK}" '
        'stroke-width="5"/>',
    ]
    for rung in ladder.rungs:
        y = top + rung_gap * (len(ladder.rungs) - rung.step) + 14
        colour = PROP if rung.blocked else (ACCENT if rung.step == ladder.start_step else INK)
        dash = ' stroke-dasharray="6 5"' if rung.blocked else ""
        parts.append(f'<line x1="{left}" y1="{y}" x2="{left + 60}" y2="{y}" stroke="{colour}" '
                     f'stroke-width="6"{dash}/>')
        when = rung.when()
        parts.append(f'<text x="{left + 74}" y="{y - 2}" font-size="13" fill="{INK}" '
                     f'font-weight="bold">{rung.step}. {escape(rung.name)}</text>')
        parts.append(f'<text x="{left + 74}" y="{y + 13}" font-size="11" fill="{colour}">'
                     f"{escape(when)}</text>")
    parts.append("</svg>")
    return "".join(parts)
