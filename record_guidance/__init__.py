"""When a criminal record matters: guidance per occupation group and jurisdiction, and the spent-conviction self-check (issue 20)."""
