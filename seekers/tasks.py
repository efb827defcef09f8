"""The seekers app queues no work of its own: its e-mails go through portal.mail's retried task."""
