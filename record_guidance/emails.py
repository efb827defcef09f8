"""No e-mails: the guidance is read on the site, and the self-check knows nobody to write to."""
