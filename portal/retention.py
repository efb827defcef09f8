"""Retention rules: each app registers what it deletes when, and `manage.py enforce_retention`
(daily) runs them all. portal knows no domain app: the apps register here (matching.retention,
campaigns.retention), each rule taking the current time and returning a line for the log."""

RULES = []


def rule(function):
    RULES.append(function)
    return function


def enforce(now):
    return [function(now) for function in RULES]
