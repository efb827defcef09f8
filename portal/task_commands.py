"""The shape every scheduled command shares (send_pledge_reminders, expire_jobs, ...).

Each enqueues one or more of its app's tasks and says what became of each: done (with the task's
count), failed, or queued for the worker. A command with one task stops with its failure; one
with several runs them all, writes each failure to stderr and then fails naming them, so one
broken task does not hold back the others.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django_tasks import TaskResultStatus
from django_tasks.base import Task


@dataclass(frozen=True)
class Run:
    """One task of a command and the lines it writes. The lines are formats: {id} is the task's
    result, {count} what the task returned, {label} the label and {Label} the same capitalised;
    `done` may instead be a function of what the task returned."""

    task: Task
    done: str | Callable[[Any], str]
    failed: str
    queued: str
    label: str = ""  # also how the closing "Failed: ..." line of a command with several tasks names it
    args: tuple = ()

    def line(self, text, **values):
        return text.format(label=self.label, Label=self.label.capitalize(), **values)


class TaskCommand(BaseCommand):
    def runs(self, **options):
        """The command's Runs, in order; raise CommandError here when the options are wrong."""
        raise NotImplementedError

    def handle(self, *args, **options):
        runs = self.runs(**options)
        failed = []
        for run in runs:
            result = run.task.enqueue(*run.args)
            if result.status == TaskResultStatus.SUCCESSFUL:
                done = run.done
                self.stdout.write(
                    done(result.return_value) if callable(done) else run.line(done, count=result.return_value)
                )
            elif result.status == TaskResultStatus.FAILED:
                message = run.line(run.failed, id=result.id)
                if len(runs) == 1:
                    raise CommandError(message)
                self.stderr.write(message)
                failed.append(run.label)
            else:
                self.stdout.write(run.line(run.queued, id=result.id))
        if failed:
            raise CommandError(f"Failed: {', '.join(failed)}.")
