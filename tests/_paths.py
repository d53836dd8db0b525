"""Where the tests find the team's shared data: ``../shared`` from the project root, or ``PARLEY_SHARED``."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PARLEY_SHARED") or ROOT.parent / "shared")
