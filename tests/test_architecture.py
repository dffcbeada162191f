"""The domain core stays free of the web and queue frameworks; adapters depend on it, never the reverse."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FRAMEWORKS = {"flask", "flask_openapi3", "flask_cors", "werkzeug", "celery", "kombu", "api", "workers"}
# The command line is the one adapter inside the package; it starts the others lazily.
ADAPTERS_IN_DOMAIN = {"moderation/cli.py"}


def imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("path", sorted(
    p for p in (ROOT / "moderation").rglob("*.py") if str(p.relative_to(ROOT)) not in ADAPTERS_IN_DOMAIN
), ids=lambda p: str(p.relative_to(ROOT)))
def test_domain_module_imports_no_framework(path):
    assert not imported_roots(path) & FRAMEWORKS
