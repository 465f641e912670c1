"""House rules: lint, import contracts, types and a complexity limit, each tool run as it is run by hand.

The tools come with the `test` extra. A missing tool skips its rule with the reason, except under CI=true,
where it fails: CI must enforce every rule.

The commands (from the repository root):
    ruff check .
    lint-imports
    mypy                                              (files and settings: [tool.mypy] in pyproject.toml)
    ruff check --select C901 tracker/extract tracker/analysis   (limit: [tool.ruff.lint.mccabe])

mypy errors outside tracker/extract and tracker/analysis are held in mypy-baseline.txt, one error a line with the
line number left out, so the baseline survives edits above an error. It may only shrink: an error not in it fails,
and so does a line in it that mypy no longer reports. After fixing errors, rewrite it with
    .venv/bin/python tests/test_house_rules.py --update-mypy-baseline
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MYPY_BASELINE = ROOT / "mypy-baseline.txt"
# code that must have no mypy errors at all, no baseline: the pure extraction and analysis packages
MYPY_STRICT_PATHS = ("tracker/extract/", "tracker/analysis/")
COMPLEXITY_PATHS = ("tracker/extract", "tracker/analysis")

_MYPY_ERROR = re.compile(r"^(?P<path>[^:\s]+\.pyi?):\d+(?::\d+)?: error: (?P<message>.*)$")
_LINE_REFERENCE = re.compile(r"\bon line \d+")


def _tool(name: str) -> str:
    """The tool's console script: beside this interpreter (the venv), else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        reason = f"{name} is not installed (pip install -e '.[test]' installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return found


def _run(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([_tool(name), *args], cwd=ROOT, capture_output=True, text=True, check=False)


def _report(result: subprocess.CompletedProcess[str]) -> str:
    return f"$ {' '.join(result.args)}\nexit {result.returncode}\n{result.stdout}{result.stderr}"


def test_ruff_check_is_clean():
    result = _run("ruff", "check", "--no-cache", "--output-format", "concise", ".")
    assert result.returncode == 0, _report(result)


def test_import_contracts_are_kept():
    """Layers cli > tui > services > analysis/extract/readers > models; extract and analysis stay pure."""
    result = _run("lint-imports", "--no-cache")
    assert result.returncode == 0, _report(result)


def test_functions_in_extract_and_analysis_stay_under_the_complexity_limit():
    result = _run("ruff", "check", "--no-cache", "--output-format", "concise", "--select", "C901", *COMPLEXITY_PATHS)
    assert result.returncode == 0, _report(result)


def normalize_mypy_output(output: str) -> list[str]:
    """mypy's error lines as `path: error: message  [code]`, without line numbers; notes are left out."""
    errors = []
    for line in output.splitlines():
        match = _MYPY_ERROR.match(line)
        if match:
            message = _LINE_REFERENCE.sub("on line N", match["message"])
            errors.append(f"{match['path']}: error: {message}")
    return sorted(errors)


@cache
def _mypy_errors() -> tuple[str, ...]:
    result = _run("mypy", "--no-pretty", "--no-error-summary", "--no-color-output", "--show-error-codes")
    if result.returncode not in (0, 1):  # 2: mypy itself failed (bad config, crash)
        pytest.fail(_report(result))
    return tuple(normalize_mypy_output(result.stdout))


def _in_strict_paths(error: str) -> bool:
    return error.startswith(MYPY_STRICT_PATHS)


def _baseline() -> Counter[str]:
    if not MYPY_BASELINE.exists():
        return Counter()
    return Counter(line for line in MYPY_BASELINE.read_text(encoding="utf-8").splitlines() if line.strip())


def baseline_difference(current: list[str] | tuple[str, ...], baseline: Counter[str]) -> tuple[list[str], list[str]]:
    """(new errors not in the baseline, stale baseline lines mypy no longer reports), counting repeats."""
    now = Counter(current)
    return sorted((now - baseline).elements()), sorted((baseline - now).elements())


def test_mypy_reports_no_errors_in_extract_and_analysis():
    errors = [error for error in _mypy_errors() if _in_strict_paths(error)]
    assert not errors, f"{len(errors)} mypy errors in {', '.join(MYPY_STRICT_PATHS)}:\n" + "\n".join(errors)


def test_mypy_reports_no_error_outside_the_baseline():
    new, _ = baseline_difference([e for e in _mypy_errors() if not _in_strict_paths(e)], _baseline())
    assert not new, f"{len(new)} mypy errors not in {MYPY_BASELINE.name} (fix them):\n" + "\n".join(new)


def test_mypy_baseline_has_no_stale_lines():
    _, stale = baseline_difference([e for e in _mypy_errors() if not _in_strict_paths(e)], _baseline())
    assert not stale, (
        f"{len(stale)} lines of {MYPY_BASELINE.name} are fixed: delete them, or rewrite the file with "
        "`.venv/bin/python tests/test_house_rules.py --update-mypy-baseline`:\n" + "\n".join(stale)
    )


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ("a/b.py:12: error: Bad thing  [misc]", ["a/b.py: error: Bad thing  [misc]"]),
        ("a/b.py:12:5: error: Bad thing  [misc]", ["a/b.py: error: Bad thing  [misc]"]),
        ("a/b.py:3: note: See the docs", []),
        ('a/b.py:9: error: Name "x" already defined on line 4  [no-redef]',
         ['a/b.py: error: Name "x" already defined on line N  [no-redef]']),
        ("Found 2 errors in 1 file", []),
    ],
)
def test_mypy_output_is_normalized_without_line_numbers(output, expected):
    assert normalize_mypy_output(output) == expected


def test_baseline_difference_counts_repeated_errors():
    line = "a.py: error: X  [misc]"
    baseline = Counter({line: 2, "b.py: error: gone  [misc]": 1})
    new, stale = baseline_difference([line, line, line], baseline)
    assert new == [line]
    assert stale == ["b.py: error: gone  [misc]"]


def test_a_missing_tool_skips_its_rule_but_fails_it_under_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no-such-tool is not installed"):
        _tool("no-such-tool")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="no-such-tool is not installed"):
        _tool("no-such-tool")


def _update_baseline() -> None:
    lines = [error for error in _mypy_errors() if not _in_strict_paths(error)]
    MYPY_BASELINE.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    print(f"{MYPY_BASELINE.name}: {len(lines)} errors")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update-mypy-baseline"]:
        sys.exit("usage: tests/test_house_rules.py --update-mypy-baseline")
    _update_baseline()
