"""``run_operline``: the ``operline`` command, run as a user would, for the tests to read."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import traceback
from contextlib import redirect_stderr, redirect_stdout


def run_operline(
    *args: str,
    env: dict[str, str] | None = None,
    timeout: float = 120,
    user: int | None = None,
    input: str | None = None,
    process: bool = False,
) -> subprocess.CompletedProcess[str]:
    """Run the ``operline`` command as a user would, capturing what it prints.

    It speaks English (``LANG=C``) unless ``env`` names another locale; ``input`` is piped
    into its standard input, as a script would. The command runs in this process (a
    program's start costs a second), on the environment, standard input and umask it would
    have had. ``process`` (or another ``user``) starts ``python -m operline`` instead, with
    ``timeout``: for a window, and for what only a program of its own shows.
    """
    left_out = {"OPERLINE_DATABASE_URL", "LC_ALL", "LC_MESSAGES", "LANGUAGE"}
    environment = {k: v for k, v in os.environ.items() if k not in left_out}
    environment.update({"QT_QPA_PLATFORM": "offscreen", "LANG": "C", **(env or {})})
    if process or user is not None:
        return subprocess.run(
            [sys.executable, "-m", "operline", *args],
            capture_output=True,
            text=True,
            env=environment,
            timeout=timeout,
            check=False,
            user=user,
            input=input,
        )
    return _run_in_this_process(list(args), environment, input or "")


def _run_in_this_process(
    args: list[str], environment: dict[str, str], input: str
) -> subprocess.CompletedProcess[str]:
    """``operline.cli.main`` on ``args``, as ``python -m operline`` would run it."""
    from operline.cli import messages
    from operline.cli.main import main

    stdout, stderr = io.StringIO(), io.StringIO()
    saved_environment, saved_stdin = dict(os.environ), sys.stdin
    saved_umask, saved_language = os.umask(0o022), messages._translate
    os.umask(saved_umask)
    os.environ.clear()
    os.environ.update(environment)
    sys.stdin = io.StringIO(input)
    had_application = _has_qt_application()
    try:
        with redirect_stdout(stdout), redirect_stderr(stderr):
            try:
                code = main(args)
            except SystemExit as leaving:  # argparse's usage errors, --help, --version
                code = _exit_code(leaving)
            except Exception:
                traceback.print_exc()
                code = 1
    finally:
        os.environ.clear()
        os.environ.update(saved_environment)
        sys.stdin = saved_stdin
        os.umask(saved_umask)
        messages._translate = saved_language
    # Qt allows one application a process: the GUI tests after this one need their own.
    assert had_application or not _has_qt_application(), "this command needs process=True"
    return subprocess.CompletedProcess(
        ["operline", *args], code, _text_mode(stdout.getvalue()), _text_mode(stderr.getvalue())
    )


def _has_qt_application() -> bool:
    if "PySide6.QtCore" not in sys.modules:
        return False
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.instance() is not None


def _exit_code(leaving: SystemExit) -> int:
    if leaving.code is None:
        return 0
    if isinstance(leaving.code, int):
        return leaving.code
    print(leaving.code, file=sys.stderr)
    return 1


def _text_mode(output: str) -> str:
    """What a pipe read in text mode gives: every line ends with a plain newline."""
    return output.replace("\r\n", "\n").replace("\r", "\n")
