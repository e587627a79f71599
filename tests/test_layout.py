"""The layout's rules that ``lint-imports`` (run by ``make test``) cannot see."""

import ast
import io
import re
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CODE = ["accounts", "cms", "config", "consultations", "core", "council", "demo", "events", "opendata"]
CODE += ["plainlanguage", "support", "translators"]
APPS = [folder for folder in CODE if folder not in {"config", "core", "demo"}]


def _modules(folders):
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def _comments(source):
    """{line number: comment text} of a module."""
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return {token.start[0]: token.string for token in tokens if token.type == tokenize.COMMENT}


def test_an_import_inside_a_function_says_which_cycle_it_breaks():
    """Imports belong at the top of a module.  One inside a function is allowed
    only to break a real import cycle, with a comment on its line saying which
    (or in an app's ``ready()``, where models are loaded only then)."""
    unexplained = []
    for path in _modules(CODE):
        source = path.read_text()
        comments = _comments(source)
        for function in ast.walk(ast.parse(source)):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if not isinstance(node, ast.Import | ast.ImportFrom):
                    continue
                comment = comments.get(node.lineno, "")
                if function.name == "ready" and comment or "cycle" in comment:
                    continue
                unexplained.append(f"{path.relative_to(ROOT)}:{node.lineno} in {function.name}()")
    assert not unexplained, "Imports inside functions without a reason:\n" + "\n".join(unexplained)


def test_views_translate_http_and_leave_queries_to_selectors():
    """A view module (``views.py``, ``admin_views.py``, ``views_*.py``…) turns a
    request into calls and a response: it names no model manager.  Its queries
    live in the app's selectors, where they are tested and counted; looking an
    object up by the id in its URL (``get_object_or_404(Model, pk=pk)``) is
    translating the URL, and stays."""
    querying = []
    for path in _modules(APPS):
        if "views" not in path.stem:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute) and node.attr == "objects":
                querying.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not querying, "Views querying through a model manager:\n" + "\n".join(querying)


def test_no_comment_or_docstring_cites_an_issue_number():
    """Comments explain why; an issue number tells a newcomer nothing."""
    citing = re.compile(r"\bissues? #?\d+", re.IGNORECASE)
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in _modules([*CODE, "tests", "bench"])
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if citing.search(line)
    ]
    assert not found, "Comments citing issue numbers:\n" + "\n".join(found)


def test_the_demos_modules_hold_logic_and_its_content_is_data():
    """The demo's texts and records live in ``demo/content/`` as data files with
    named fields; its Python modules only read them and call the services."""
    offending = []
    for path in _modules(["demo"]):
        tree = ast.parse(path.read_text())
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                if len(node.value) > 160:
                    offending.append(f"{path.relative_to(ROOT)}:{node.lineno}: a text of {len(node.value)} characters")
            elif isinstance(node, ast.List | ast.Tuple | ast.Set | ast.Dict):
                size = len(node.keys) if isinstance(node, ast.Dict) else len(node.elts)
                if size > 8:
                    offending.append(f"{path.relative_to(ROOT)}:{node.lineno}: a literal of {size} items")
    assert not offending, "Content in the demo's code rather than in demo/content/:\n" + "\n".join(offending)
