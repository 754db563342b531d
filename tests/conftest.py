import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The app package and this folder's helpers import without Frappe installed.
for path in (ROOT, ROOT / "tests"):
	if str(path) not in sys.path:
		sys.path.insert(0, str(path))
