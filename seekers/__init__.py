"""Job seekers in their own right: accounts, profiles, CVs, matching both ways (issue 20)."""
