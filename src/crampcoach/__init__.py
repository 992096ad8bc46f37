"""crampcoach: why hamstrings cramp, how urgent it is, and a plan that fixes the cause."""

__version__ = "0.1.0"

DISCLAIMER = (
    "crampcoach gives general information from published sources; it does not replace "
    "an assessment by a doctor or physiotherapist. If symptoms are severe, sudden or "
    "worsening, seek care."
)
