"""The plan builder and the exporters as the pages and the API call them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from crampcoach.case import Case
from crampcoach.errors import InputError
from crampcoach.export import render
from crampcoach.export.figures import exercise_svg
from crampcoach.plan import Plan, PlanOptions, build_plan, load_plan_knowledge
from crampcoach.reasoning import Assessment
from crampcoach.training.schedule import RecordedVolume

ExportFormat = Literal["json", "html", "pdf", "ics", "fhir"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("json", "html", "pdf", "ics", "fhir")
MEDIA_TYPES: dict[ExportFormat, str] = {
    "json": "application/json",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "ics": "text/calendar; charset=utf-8",
    "fhir": "application/fhir+json",
}
SUFFIXES: dict[ExportFormat, str] = {
    "json": "json", "html": "html", "pdf": "pdf", "ics": "ics", "fhir": "fhir.json",
}


def make_plan(case: Case, assessment: Assessment, options: PlanOptions) -> Plan:
    return build_plan(case, assessment, options)


def with_recorded_volume(options: PlanOptions, case: Case,
                         recorded: RecordedVolume | None) -> PlanOptions:
    """The options, with the training record's weekly volume when neither they nor the case give one."""
    if options.training_volume is not None or case.training_volume is not None or recorded is None:
        return options
    return options.model_copy(update={"training_volume": recorded.volume, "volume_from": recorded.says})


@dataclass(frozen=True)
class Exported:
    body: bytes
    media_type: str
    filename: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Content-Disposition": f'attachment; filename="{self.filename}"'}


def export_plan(plan: Plan, fmt: ExportFormat) -> Exported:
    """The plan as a file in `fmt` (the CONTRACT plan document for "json")."""
    try:
        rendered = render(plan, fmt)
    except InputError as exc:
        # The exporters name command-line options; the API and pages name plan options.
        raise InputError(f"options.{exc.field.lstrip('-')}", exc.message) from None
    body = rendered.encode() if isinstance(rendered, str) else rendered
    return Exported(body, MEDIA_TYPES[fmt], f"crampcoach-plan.{SUFFIXES[fmt]}")


def figure_svgs(exercises: list[str]) -> dict[str, str]:
    """Each exercise's drawing as inline SVG (made by our own code from the knowledge base)."""
    known = load_plan_knowledge().exercises
    return {
        exercise: exercise_svg(known[exercise].figure, known[exercise].name, f"fig{index}")
        for index, exercise in enumerate(exercises) if exercise in known
    }
