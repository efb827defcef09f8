"""The shape the scheduled commands share (portal.task_commands): what the scheduler's log shows
when a task succeeds or fails, and that one failing task does not hold back the others."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django_tasks import task

from portal.task_commands import Run, TaskCommand


@task()
def count_three():
    return 3


@task()
def break_down():
    raise RuntimeError("the mail server is away")


LINES = {"done": "{Label}: {count}.", "failed": "Failed: {label} (task {id}).", "queued": "Queued {label}."}


class OneTask(TaskCommand):
    def runs(self, **options):
        return [Run(break_down, label="reminders", **LINES)]


class TwoTasks(TaskCommand):
    def runs(self, **options):
        return [Run(break_down, label="reminders", **LINES), Run(count_three, label="checks sent", **LINES)]


def test_a_command_of_one_task_stops_with_its_failure():
    out = StringIO()
    with pytest.raises(CommandError, match=r"^Failed: reminders \(task .+\)\.$"):
        call_command(OneTask(), stdout=out, stderr=StringIO())
    assert out.getvalue() == ""


def test_one_failing_task_does_not_hold_back_the_others():
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match=r"^Failed: reminders\.$"):
        call_command(TwoTasks(), stdout=out, stderr=err)
    assert out.getvalue() == "Checks sent: 3.\n"
    assert err.getvalue().startswith("Failed: reminders (task ")
