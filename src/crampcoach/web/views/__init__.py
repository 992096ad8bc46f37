"""The HTML pages, one module per page; each module exposes `router`."""
