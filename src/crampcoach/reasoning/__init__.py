"""Probabilistic reasoning over causes and findings, and the adaptive interview."""

from crampcoach.reasoning.assess import assess
from crampcoach.reasoning.assessment import Assessment

__all__ = ["Assessment", "assess"]
