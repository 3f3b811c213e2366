"""What is wrong with the call log being imported, line by line and column by column."""

from __future__ import annotations

from dataclasses import dataclass

from operline.sentences import QT_TRANSLATE_NOOP, Sentence

AT_LINE = QT_TRANSLATE_NOOP("CallImport", "line {line}: {reason}")
AT_COLUMN = QT_TRANSLATE_NOOP("CallImport", "line {line}, column {column}: {reason}")


@dataclass(frozen=True)
class RowProblem:
    """One problem (or warning) of the file: its line, its column when it has one, why."""

    line: int
    column: str | None
    reason: Sentence

    @property
    def sentence(self) -> Sentence:
        """``line N, column NAME: reason``, as the command prints it."""
        if self.column is None:
            return AT_LINE(line=self.line, reason=self.reason)
        return AT_COLUMN(line=self.line, column=self.column, reason=self.reason)

    def __str__(self) -> str:
        return str(self.sentence)


class CallFileError(ValueError):
    """A file that cannot be read as a call log at all (encoding, header); nothing changed."""

    def __init__(self, problems: list[RowProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))
