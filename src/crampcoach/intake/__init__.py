"""Free-text intake: read a person's own description of their cramps into findings."""

from crampcoach.intake.reader import Reading, Span, read_findings

__all__ = ["Reading", "Span", "read_findings"]
