"""No scheduled work: an application moves only when the employer or the seeker acts, and each
change is e-mailed at once (applications/emails.py). Hires from applications get their retention
checks from matching's scheduled command, like every hire."""
