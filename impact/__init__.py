"""Impact: what the portal achieves, for campaign staff (dashboard, monthly e-mail) and the public."""
